package io.newsdesk.format;

/**
 * What a feed writer renders: a feed of entries, or one entry on its own (Atom's entry document; RSS and JSON
 * Feed show it as a feed of one item whose channel is the entry). The two differ in more than the number of
 * items (a feed has a description and a next page, an entry's channel is derived from the entry), so each
 * writer has one path for each.
 */
public sealed interface Syndication extends Syndicated permits FeedDocument, FeedEntry {

    @Override
    default Syndication syndication() {
        return this;
    }
}
