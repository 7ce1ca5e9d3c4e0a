package io.newsdesk.article;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

import io.newsdesk.format.Syndicated;
import io.newsdesk.format.Syndication;
import io.newsdesk.links.Links;
import io.newsdesk.selection.Selection;

/**
 * The answer to a read of {@code /v1/articles}: one page of the selection (what JSON and XML show; in a feed format
 * an RFC 5005 document, see {@link ArchivedFeeds}), the feed's own description (with the page: what the feeds
 * show), and what a CSV export of the whole selection reads:
 * the selection itself, its resolved slugs and the request's links. {@link ArticleQueries} streams those
 * rows; this record carries no code that queries. Slugs are resolved and the page is read before any writer
 * runs, so every 404 comes first.
 */
@JacksonXmlRootElement(localName = "articles")
public record ArticleSelection(
        @JsonValue ArticlePage page, FeedInfo feed, Selection selection, ResolvedSlugs slugs, Links links)
        implements Syndicated {

    @Override
    public Syndication syndication() {
        return ArticlePages.document(this);
    }
}
