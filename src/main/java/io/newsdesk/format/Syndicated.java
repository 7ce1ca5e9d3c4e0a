package io.newsdesk.format;

import java.util.Set;

/**
 * A model the feed writers (RSS, Atom, JSON Feed) can render: it maps itself to a {@link FeedDocument} or to one
 * {@link FeedEntry} on its own. A feature implements this on the records its resources return, so the writers
 * never learn what an article is.
 */
public interface Syndicated {

    /**
     * The formats whose writers render a syndicated model as a feed (RSS, Atom, JSON Feed); HTML renders the same
     * model as a page for people. A feature whose feeds differ from its pages (RFC 5005 archives) asks here.
     */
    Set<String> FEED_FORMATS = Set.of("rss", "atom", "jsonfeed");

    Syndication syndication();
}
