package io.newsdesk.article;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.newsdesk.format.FeedDocument;
import io.newsdesk.format.FeedEntry;

/**
 * Maps articles to the format-neutral feed model that the RSS, Atom and JSON Feed writers render.
 * <ul>
 * <li>A page of a selection is a {@link FeedDocument}: its {@code id} is the selection's (see {@link Permalinks}),
 * the same for every page, format and host;
 * {@code alternate} is the same page as JSON, {@code self} the request, {@code next} the JSON page's next, and
 * {@code updated} the newest {@code updatedAt} of the page (see {@link FeedInfo}), and its RFC 5005 marker and
 * links those of {@link ArchivedFeeds}.</li>
 * <li>An article is a {@link FeedEntry}: {@code uri} is the article's id (see {@link Permalinks}): unlike the
 * permalink it does not change with the host name, scheme or port a client used, nor with the site's template;
 * {@code url} is the permalink, {@code self} the article in this API. Its category is the one category (slug and name); its
 * origin is the source, whose feed is this API's selection of that source.</li>
 * </ul>
 */
final class ArticleFeeds {

    private ArticleFeeds() {}

    static FeedDocument document(ArticleSelection selection) {
        FeedInfo info = selection.feed();
        return new FeedDocument(
                        info.id(),
                        info.title(),
                        info.description(),
                        info.alternate(),
                        "application/json",
                        info.self(),
                        selection.page().next(),
                        info.updated(),
                        info.channel(),
                        selection.page().items().stream()
                                .map(ArticleFeeds::entry)
                                .toList())
                .withHistory(info.history().marker(), links(info));
    }

    /**
     * The document's further links: RFC 5005's, then, when the feed has a WebSub hub, {@code hub} and {@code self}
     * (WebSub discovery wants both in the {@code Link} header; the writers put self in the body once anyway).
     */
    private static List<FeedDocument.Link> links(FeedInfo info) {
        if (info.hub() == null) {
            return info.history().links();
        }
        List<FeedDocument.Link> links = new ArrayList<>(info.history().links());
        links.add(new FeedDocument.Link("hub", info.hub(), false));
        links.add(new FeedDocument.Link("self", info.self(), true));
        return links;
    }

    static FeedEntry entry(ArticleView article) {
        return new FeedEntry(
                String.valueOf(article.id()),
                article.uri(),
                article.title(),
                article.url(),
                article.location(),
                article.originalUrl(),
                article.summary(),
                article.content(),
                article.publishedAt(),
                updated(article),
                List.of(new FeedEntry.Term(
                        article.category().slug(), article.category().name())),
                new FeedEntry.Origin(
                        article.source().name(),
                        articles(article.location()) + "?source="
                                + article.source().slug()),
                new FeedEntry.Notices(article.isSummary(), article.hasEditorialBias()),
                article.views(),
                article.channel());
    }

    /** The URL of {@code /v1/articles} on the host of this article's location ({@code .../v1/articles/{id}}). */
    private static String articles(String location) {
        return location.substring(0, location.lastIndexOf('/'));
    }

    /**
     * When a feed reader should take the item as changed: its last edit, or its publication when that came later
     * (an article written under embargo appears, and is new to readers, at its publishedAt).
     */
    static OffsetDateTime updated(ArticleView article) {
        return article.publishedAt().isAfter(article.updatedAt()) ? article.publishedAt() : article.updatedAt();
    }
}
