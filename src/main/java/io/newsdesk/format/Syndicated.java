package io.newsdesk.format;

/**
 * A model the feed writers (RSS, Atom, JSON Feed) can render: it maps itself to a {@link FeedDocument} or to one
 * {@link FeedEntry} on its own. A feature implements this on the records its resources return, so the writers
 * never learn what an article is.
 */
public interface Syndicated {

    Syndication syndication();
}
