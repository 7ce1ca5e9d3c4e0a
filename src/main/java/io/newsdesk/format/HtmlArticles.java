package io.newsdesk.format;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Maps one {@link FeedEntry} to the article page: the text as paragraphs, links to the entry's source and category
 * pages (selections of this API on the host of the source's feed URL), and the schema.org {@code NewsArticle} of
 * its head.
 */
final class HtmlArticles {

    /**
     * A blank line (only spaces or tabs on it), or several, between two paragraphs. A line break is CRLF, LF or CR,
     * matched atomically: with {@code \\R} the CR and LF of one CRLF would count as two breaks, a blank line.
     */
    private static final Pattern BLANK_LINES = Pattern.compile("(?>\\r\\n|\\r|\\n)(?:[ \\t]*(?>\\r\\n|\\r|\\n))+");

    private final HtmlSite site;
    private final ObjectWriter json;

    HtmlArticles(HtmlSite site, ObjectWriter json) {
        this.site = site;
        this.json = json;
    }

    HtmlPages.Article page(FeedEntry entry) {
        FeedEntry.Origin source = entry.source();
        FeedEntry.Term category =
                entry.categories().isEmpty() ? null : entry.categories().get(0);
        FeedEntry.Notices notices = entry.notices() == null ? FeedEntry.Notices.NONE : entry.notices();
        return new HtmlPages.Article(
                site.lang(),
                entry.title(),
                entry.summary(),
                entry.url(),
                jsonLd(entry),
                source == null ? null : source.name(),
                source == null ? null : source.feed(),
                category == null ? null : category.label(),
                category == null || source == null ? null : selection(source.feed(), "category", category.term()),
                site.time(entry.published()),
                entry.updated() == null || entry.updated().isEqual(entry.published())
                        ? null
                        : site.time(entry.updated()),
                entry.views() < 0 ? null : entry.views() + (entry.views() == 1 ? " view" : " views"),
                notices.summaryOfOther(),
                notices.editorialBias(),
                paragraphs(entry.content()),
                entry.externalUrl(),
                List.of(
                        alternate("json", "JSON", "application/json", api(entry)),
                        alternate("xml", "XML", "application/xml", api(entry))));
    }

    /**
     * The article in this API: its own URL, which is not its permalink when {@code newsdesk.site.article-url}
     * points permalinks at the newsroom's site; the JSON and XML links must stay here.
     */
    private static String api(FeedEntry entry) {
        return entry.self() != null ? entry.self() : entry.url();
    }

    private static HtmlPages.Alternate alternate(String format, String label, String type, String url) {
        return new HtmlPages.Alternate(format, label, type, FeedOutput.withFormat(url, format));
    }

    /** Plain text split at blank lines; every paragraph is escaped by the template like any other text. */
    static List<String> paragraphs(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(BLANK_LINES.split(text))
                .filter(paragraph -> !paragraph.isBlank())
                .toList();
    }

    /** The selection of articles on the host of {@code feed} (a selection URL) narrowed by one parameter. */
    private static String selection(String feed, String parameter, String value) {
        URI uri = URI.create(feed);
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + "?" + parameter + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * schema.org {@code NewsArticle}, written by Jackson; every {@code <} is written as {@code \u003c} (the same
     * string to a JSON parser), so that no text can end the {@code <script>} element or open a comment in it.
     */
    private String jsonLd(FeedEntry entry) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("@context", "https://schema.org");
        article.put("@type", "NewsArticle");
        article.put("headline", entry.title());
        article.put("url", entry.url());
        article.put("mainEntityOfPage", entry.url());
        article.put("datePublished", iso(entry.published()));
        article.put("dateModified", iso(entry.updated() == null ? entry.published() : entry.updated()));
        article.put("publisher", object("Organization", "name", "Newsdesk"));
        if (entry.source() != null) {
            article.put(
                    "sourceOrganization",
                    object("Organization", "name", entry.source().name()));
        }
        if (!entry.categories().isEmpty()) {
            article.put("articleSection", entry.categories().get(0).label());
        }
        if (entry.summary() != null && !entry.summary().isEmpty()) {
            article.put("description", entry.summary());
        }
        article.put("isBasedOn", entry.externalUrl());
        if (entry.views() >= 0) {
            article.put(
                    "interactionStatistic",
                    object(
                            "InteractionCounter",
                            "interactionType",
                            "https://schema.org/ReadAction",
                            "userInteractionCount",
                            entry.views()));
        }
        try {
            return json.writeValueAsString(article).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON-LD of entry " + entry.id(), e);
        }
    }

    /**
     * A schema.org object of this type with these properties, in this order: the bytes (and the ETag digesting
     * them) must not depend on a hash order that changes between runs.
     */
    private static Map<String, Object> object(String type, Object... properties) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("@type", type);
        for (int i = 0; i < properties.length; i += 2) {
            object.put((String) properties[i], properties[i + 1]);
        }
        return object;
    }

    private static String iso(OffsetDateTime time) {
        return time == null ? null : time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
