package io.newsdesk.article;

import java.util.List;

import io.newsdesk.format.FeedDocument;

/**
 * What RFC 5005 (Feed Paging and Archiving) says of one feed document of a selection: its marker
 * ({@code fh:archive}, {@code fh:complete} or none) and its links to the feed's other documents
 * ({@code prev-archive}, {@code next-archive}, {@code current}). See {@link ArchivedFeeds}.
 */
public record FeedHistory(FeedDocument.History marker, List<FeedDocument.Link> links) {

    /** A page of a paged feed (after a cursor, or oldest first) that does not hold the whole selection. */
    static final FeedHistory NONE = new FeedHistory(FeedDocument.History.NONE, List.of());

    /** A document that holds the whole selection: {@code fh:complete}, no archives. */
    static final FeedHistory COMPLETE = new FeedHistory(FeedDocument.History.COMPLETE, List.of());

    public FeedHistory {
        links = List.copyOf(links);
    }
}
