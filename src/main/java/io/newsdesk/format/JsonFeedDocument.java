package io.newsdesk.format;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/), as {@link JsonFeedWriter} writes it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "version",
    "title",
    "home_page_url",
    "feed_url",
    "description",
    "language",
    "next_url",
    "hubs",
    "_rfc5005",
    "items"
})
record JsonFeedDocument(
        String version,
        String title,
        @JsonProperty("home_page_url") String homePageUrl,
        @JsonProperty("feed_url") String feedUrl,
        String description,
        String language,
        @JsonProperty("next_url") String nextUrl,
        List<Hub> hubs,
        @JsonProperty("_rfc5005") History history,
        List<Item> items) {

    static final String VERSION = "https://jsonfeed.org/version/1.1";

    /** A hub that announces the feed's changes (JSON Feed 1.1 {@code hubs}): {@code type} WebSub. */
    record Hub(String type, String url) {

        /** The document's WebSub hub (its {@code hub} link), or null when it has none. */
        static List<Hub> of(FeedDocument document) {
            return document.links().stream()
                    .filter(link -> link.rel().equals("hub"))
                    .map(link -> List.of(new Hub("WebSub", link.href())))
                    .findFirst()
                    .orElse(null);
        }
    }

    /**
     * RFC 5005 (Feed Paging and Archiving) in JSON Feed, which has no place of its own for it: a custom object, as
     * JSON Feed's extension rules ask (a name starting with an underscore, an {@code about} URL to its
     * documentation). {@code archive: true} is Atom's {@code fh:archive}, {@code complete: true} its
     * {@code fh:complete}; {@code current}, {@code prev_archive} and {@code next_archive} are the links of those
     * relations. Absent from a document that has none of them (a page of a paged feed, one article).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"about", "archive", "complete", "current", "prev_archive", "next_archive"})
    record History(
            String about,
            Boolean archive,
            Boolean complete,
            String current,
            @JsonProperty("prev_archive") String prevArchive,
            @JsonProperty("next_archive") String nextArchive) {

        static final String ABOUT = "https://www.rfc-editor.org/rfc/rfc5005";

        /** The object for this document, or null when it has nothing to say. */
        static History of(FeedDocument document) {
            History history = new History(
                    ABOUT,
                    document.history() == FeedDocument.History.ARCHIVE ? Boolean.TRUE : null,
                    document.history() == FeedDocument.History.COMPLETE ? Boolean.TRUE : null,
                    href(document, "current"),
                    href(document, "prev-archive"),
                    href(document, "next-archive"));
            return history.equals(new History(ABOUT, null, null, null, null, null)) ? null : history;
        }

        private static String href(FeedDocument document, String rel) {
            return document.links().stream()
                    .filter(link -> link.rel().equals(rel))
                    .map(link -> link.href("jsonfeed"))
                    .findFirst()
                    .orElse(null);
        }
    }

    /**
     * One entry: its id (the entry's {@code uri}, the same as the RSS guid and the Atom id), its permalink, and where it was first published; tags are its categories and origin.
     * {@code content_html} is the {@link EntryHtml} (paragraphs, notices, attribution), {@code content_text} the
     * stored text exactly, {@code summary} plain text.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "id",
        "url",
        "external_url",
        "title",
        "content_html",
        "content_text",
        "summary",
        "date_published",
        "date_modified",
        "tags",
        "authors"
    })
    record Item(
            String id,
            String url,
            @JsonProperty("external_url") String externalUrl,
            String title,
            @JsonProperty("content_html") String contentHtml,
            @JsonProperty("content_text") String contentText,
            String summary,
            @JsonProperty("date_published") String datePublished,
            @JsonProperty("date_modified") String dateModified,
            List<String> tags,
            List<Author> authors) {

        static Item of(FeedEntry entry) {
            Stream<String> origin = entry.source() == null
                    ? Stream.empty()
                    : Stream.of(entry.source().name());
            List<String> tags = Stream.concat(entry.categories().stream().map(FeedEntry.Term::label), origin)
                    .toList();
            List<Author> authors = entry.source() == null
                    ? null
                    : List.of(new Author(entry.source().name()));
            return new Item(
                    entry.uri(),
                    entry.url(),
                    entry.externalUrl(),
                    entry.title(),
                    EntryHtml.of(entry),
                    entry.content(),
                    entry.summary(),
                    rfc3339(entry.published()),
                    rfc3339(entry.updated()),
                    tags,
                    authors);
        }
    }

    record Author(String name) {}

    private static String rfc3339(OffsetDateTime time) {
        return FeedOutput.rfc3339(time);
    }
}
