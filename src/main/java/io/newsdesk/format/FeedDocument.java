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
 * @param hub the WebSub hub that announces this feed's changes (RSS {@code atom:link rel="hub"}, Atom
 *     {@code link rel="hub"}, JSON Feed {@code hubs}, and the {@code Link} header), or null for none
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
        String hub)
        implements Syndication, FeedItems {

    public FeedDocument {
        filters = List.copyOf(filters);
    }

    /** A feed without filters; {@link #withFilters} adds them. */
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
        this(id, title, description, alternate, alternateType, self, next, updated, channel, entries, List.of(), null);
    }

    public FeedDocument withFilters(List<Filter> filters) {
        return new FeedDocument(
                id, title, description, alternate, alternateType, self, next, updated, channel, entries, filters, hub);
    }

    /** This feed announced by a WebSub hub. */
    public FeedDocument withHub(String hub) {
        return new FeedDocument(
                id, title, description, alternate, alternateType, self, next, updated, channel, entries, filters, hub);
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
                id, title, description, alternate, alternateType, self, next, updated, channel, kept, filters, hub);
    }

    /**
     * One active filter of a selection.
     *
     * @param label what a person reads: {@code Category: Politics}, {@code Day: 2026-01-04}
     * @param removeUrl the same selection (from its first page) without this one filter
     */
    public record Filter(String label, String removeUrl) {}
}
