package io.newsdesk.article;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.newsdesk.links.Links;
import io.newsdesk.system.NewsdeskConfig;

/**
 * An article's permalink and the ids feeds give articles and selections.
 * <ul>
 * <li>Permalink ({@code url} in every format, the feeds' item links): {@code newsdesk.site.article-url} filled in
 * when set (the newsroom's own page), else this API's article URL on the host the client used.</li>
 * <li>Ids (RSS guid, Atom ids, JSON Feed item ids): never from the request's host nor from the template. With
 * {@code newsdesk.public-url}: {@code <public-url>/v1/articles/<id>} and, for a selection,
 * {@code <public-url>/v1/articles?<query>}; without: {@code urn:newsdesk:article:<id>} and
 * {@code urn:newsdesk:feed:v1/articles?<query>}. The query is the request's without {@code format},
 * {@code cursor} and {@code archive}, so every page and archive document of a selection, in every format, has one
 * id.</li>
 * </ul>
 */
final class Permalinks {

    static final String ARTICLE_URN = "urn:newsdesk:article:";
    static final String FEED_URN = "urn:newsdesk:feed:";

    private final Optional<String> publicUrl;
    private final Optional<String> template;

    Permalinks(NewsdeskConfig config) {
        this(config.publicUrl(), config.site().articleUrl());
    }

    Permalinks(Optional<String> publicUrl, Optional<String> template) {
        this.publicUrl = publicUrl;
        this.template = template;
    }

    String url(ArticleRow row, Links links) {
        return template.map(t -> t.replace("{id}", String.valueOf(row.id()))
                        .replace("{slug}", segment(row.slug()))
                        .replace("{category}", segment(row.categorySlug()))
                        .replace("{source}", segment(row.sourceSlug())))
                .orElseGet(() -> links.article(row.id()));
    }

    /**
     * {@link #url} as an SQL expression over the aliases {@code a} (article), {@code c} (category) and {@code s}
     * (source), for exports the database writes. Slugs go in unencoded: their syntax ({@code [a-z0-9-]}) is
     * URL-safe, so encoding them changes nothing.
     */
    String sql(Links links) {
        return template.map(t -> "replace(replace(replace(replace(" + ArticleFilter.literal(t)
                        + ", '{id}', a.id::text), '{slug}', a.slug), '{category}', c.slug), '{source}', s.slug)")
                .orElseGet(() -> {
                    String first = links.article(1);
                    return ArticleFilter.literal(first.substring(0, first.length() - 1)) + " || a.id::text";
                });
    }

    String articleId(long id) {
        return publicUrl.map(base -> base + "/v1/articles/" + id).orElse(ARTICLE_URN + id);
    }

    /** The id of the selection this request reads, whatever its host, page, archive day and format. */
    String selectionId(Links links) {
        String query = links.queryWithout("format", "cursor", "archive");
        String selection = "v1/articles" + (query.isEmpty() ? "" : "?" + query);
        return publicUrl.map(base -> base + "/" + selection).orElse(FEED_URN + selection);
    }

    /** Slugs are URL-safe by their syntax; encoding anyway keeps a template's URL valid whatever they hold. */
    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
