package io.newsdesk.format;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One item of a feed, or a feed's only item when it stands alone.
 *
 * @param id short and stable within this API
 * @param uri globally unique and independent of the host a client used (RSS guid, Atom entry id, JSON Feed item
 *     id), so a reader never sees one item twice; a URL a person can open, or a URN
 * @param url the item's permalink, a page a person can read (RSS link, Atom alternate link, JSON Feed url)
 * @param self the item in this API: its one-item feed's self link
 * @param externalUrl where the item was first published, outside this API
 * @param summary plain text, possibly empty
 * @param content plain text
 * @param categories what the item is filed under
 * @param source where it comes from, or null
 * @param notices what a reader should know of the text: a summary of another publication, editorial bias
 * @param views how often it was read, or -1 where the representation must not depend on it
 * @param channel the language and polling hint of the entry's own one-item feed (unused within a document)
 */
public record FeedEntry(
        String id,
        String uri,
        String title,
        String url,
        String self,
        String externalUrl,
        String summary,
        String content,
        OffsetDateTime published,
        OffsetDateTime updated,
        List<Term> categories,
        Origin source,
        Notices notices,
        long views,
        FeedChannel channel)
        implements Syndication {

    /**
     * Everything a feed shows of this entry, as one text that changes whenever any of it changes: its
     * {@code updated}, and also what changes without it (a renamed category or source). The view count is left
     * out: no feed shows it, and a view must not make an entry "changed" for a delta (RFC 3229 {@code feed}).
     */
    public String version() {
        return new FeedEntry(
                        id,
                        uri,
                        title,
                        url,
                        self,
                        externalUrl,
                        summary,
                        content,
                        published,
                        updated,
                        categories,
                        source,
                        notices,
                        -1,
                        channel)
                .toString();
    }

    /**
     * The notices of an entry, as the newsroom's site shows them: the text is a summary or evaluation of another
     * publication; it contains editorial commentary or bias from the source.
     */
    public record Notices(boolean summaryOfOther, boolean editorialBias) {

        public static final Notices NONE = new Notices(false, false);
    }

    /** A category: a machine-readable term (a slug) and its label. */
    public record Term(String term, String label) {}

    /** The origin of an entry: its name, and the URL of a feed of that origin's entries (as JSON). */
    public record Origin(String name, String feed) {}
}
