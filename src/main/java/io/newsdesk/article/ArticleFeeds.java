package io.newsdesk.article;

import java.util.List;

import io.newsdesk.format.FeedDocument;
import io.newsdesk.format.FeedEntry;
import jakarta.ws.rs.core.UriBuilder;

/**
 * Maps articles to the format-neutral feed model that the RSS, Atom and JSON Feed writers render.
 * <ul>
 * <li>A page of a selection is a {@link FeedDocument}: its {@code id} is the selection's URL without
 * {@code format} and {@code cursor}, so every page of a selection (and every request for it) has the same id;
 * {@code alternate} is the same page as JSON, {@code self} the request, {@code next} the JSON page's next, and
 * {@code updated} the newest {@code updatedAt} of the page (see {@link FeedInfo}).</li>
 * <li>An article is a {@link FeedEntry}: {@code uri} is {@code urn:newsdesk:article:<id>} (the URN family of the
 * API's problem types), which depends on nothing but the article id: unlike the permalink it does not change
 * with the host name, scheme or port a client used. Its category is the one category (slug and name); its
 * origin is the source, whose feed is this API's selection of that source.</li>
 * </ul>
 */
final class ArticleFeeds {

    static final String ENTRY_URI_PREFIX = "urn:newsdesk:article:";

    private ArticleFeeds() {}

    static FeedDocument document(ArticleSelection selection) {
        FeedInfo info = selection.feed();
        return new FeedDocument(
                selectionId(info.alternate()),
                info.title(),
                info.description(),
                info.alternate(),
                "application/json",
                info.self(),
                selection.page().next(),
                info.updated(),
                info.channel(),
                selection.page().items().stream().map(ArticleFeeds::entry).toList());
    }

    static FeedEntry entry(ArticleView article) {
        return new FeedEntry(
                String.valueOf(article.id()),
                ENTRY_URI_PREFIX + article.id(),
                article.title(),
                article.url(),
                article.originalUrl(),
                article.summary(),
                article.content(),
                article.publishedAt(),
                article.updatedAt(),
                List.of(new FeedEntry.Term(
                        article.category().slug(), article.category().name())),
                new FeedEntry.Origin(
                        article.source().name(),
                        articles(article.url()) + "?source=" + article.source().slug()),
                new FeedEntry.Notices(article.isSummary(), article.hasEditorialBias()),
                article.views(),
                article.channel());
    }

    /** The selection's URL without format (already gone from {@code alternate}) and cursor: one id for all pages. */
    private static String selectionId(String alternate) {
        String id = UriBuilder.fromUri(alternate)
                .replaceQueryParam("cursor")
                .build()
                .toString();
        return id.endsWith("?") ? id.substring(0, id.length() - 1) : id;
    }

    /** The URL of {@code /v1/articles} on the host of this article's permalink ({@code .../v1/articles/{id}}). */
    private static String articles(String permalink) {
        return permalink.substring(0, permalink.lastIndexOf('/'));
    }
}
