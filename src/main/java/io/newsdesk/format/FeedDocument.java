package io.newsdesk.format;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A feed in the Rome manner: one format-neutral model that RSS, Atom and JSON Feed (and an HTML page) render.
 * URLs are absolute. A writer pins its own format onto {@code self} and {@code next} where its readers need
 * that (see {@link FeedOutput#withFormat}).
 *
 * @param id a stable identifier, the same for every page of the feed (Atom's feed id)
 * @param title what the feed is, for a reader's list of subscriptions
 * @param description one sentence on what it holds
 * @param alternate the same page in another representation (a home page)
 * @param alternateType the media type of {@code alternate}, or null when it is not one fixed type
 * @param self this page of the feed as it was requested
 * @param next the next page, or null on the last
 * @param updated the newest change of the feed; derived from data, never from the clock, so that the bytes
 *     (and the ETag digesting them) depend on the data alone
 * @param channel the feed's language and polling hint
 * @param entries the items of this page, in order
 * @param filters what narrows the selection (a category, a source, a day, words), each with the URL of the same
 *     selection without it; empty for a feed of everything (an HTML page shows them with a "(remove)" link)
 * @param history what RFC 5005 says this document is: an archive document, a complete feed, or neither
 * @param links further links of the document beyond alternate, self and next ({@code prev-archive},
 *     {@code current}, ...), in order: the feed writers render them in the document and in the HTTP
 *     {@code Link} header (see {@link FeedOutput#linkHeader})
 */
public record FeedDocument(
        String id,
        String title,
        String description,
        String alternate,
        String alternateType,
        String self,
        String next,
        OffsetDateTime updated,
        FeedChannel channel,
        List<FeedEntry> entries,
        List<Filter> filters,
        History history,
        List<Link> links)
        implements Syndication, FeedItems {

    public FeedDocument {
        filters = List.copyOf(filters);
        links = List.copyOf(links);
    }

    /** A feed without filters, history or further links; {@link #withFilters} and {@link #withHistory} add them. */
    public FeedDocument(
            String id,
            String title,
            String description,
            String alternate,
            String alternateType,
            String self,
            String next,
            OffsetDateTime updated,
            FeedChannel channel,
            List<FeedEntry> entries) {
        this(
                id,
                title,
                description,
                alternate,
                alternateType,
                self,
                next,
                updated,
                channel,
                entries,
                List.of(),
                History.NONE,
                List.of());
    }

    public FeedDocument withFilters(List<Filter> filters) {
        return with(filters, history, links);
    }

    /** This document with its RFC 5005 marker and further links (replacing those it had). */
    public FeedDocument withHistory(History history, List<Link> links) {
        return with(filters, history, links);
    }

    private FeedDocument with(List<Filter> filters, History history, List<Link> links) {
        return new FeedDocument(
                id,
                title,
                description,
                alternate,
                alternateType,
                self,
                next,
                updated,
                channel,
                entries,
                filters,
                history,
                links);
    }

    /** Each entry's {@code id} and {@link FeedEntry#version}. */
    @Override
    public Map<String, String> itemVersions() {
        Map<String, String> versions = new LinkedHashMap<>();
        entries.forEach(entry -> versions.put(entry.id(), entry.version()));
        return versions;
    }

    /** This page with only the entries of these ids: a delta keeps the feed's id, links, {@code updated} and hints. */
    @Override
    public FeedDocument only(Set<String> ids) {
        List<FeedEntry> kept =
                entries.stream().filter(entry -> ids.contains(entry.id())).toList();
        return new FeedDocument(
                id,
                title,
                description,
                alternate,
                alternateType,
                self,
                next,
                updated,
                channel,
                kept,
                filters,
                history,
                links);
    }

    /**
     * One active filter of a selection.
     *
     * @param label what a person reads: {@code Category: Politics}, {@code Day: 2026-01-04}
     * @param removeUrl the same selection (from its first page) without this one filter
     */
    public record Filter(String label, String removeUrl) {}

    /**
     * What RFC 5005 (Feed Paging and Archiving) says a document is: {@code fh:archive} (an archive document,
     * whose entries do not change), {@code fh:complete} (the document holds every entry of the feed) or neither
     * (a subscription document with older archives, or one page of a paged feed).
     */
    public enum History {
        NONE,
        ARCHIVE,
        COMPLETE
    }

    /**
     * A further link of a feed document, as RFC 8288 names it.
     *
     * @param rel the relation ({@code prev-archive}, {@code next-archive}, {@code current}, {@code hub}, ...)
     * @param href an absolute URL
     * @param sameFeed whether it is another document of this feed (an archive, the subscription document): then
     *     the writer pins its own {@code format=} onto it, as onto self and next, and Atom and RSS give it the
     *     feed's media type; not for a URL outside this API's feeds (a hub)
     */
    public record Link(String rel, String href, boolean sameFeed) {

        /** The URL as a writer of {@code format} writes it. */
        public String href(String format) {
            return sameFeed ? FeedOutput.withFormat(href, format) : href;
        }
    }
}
