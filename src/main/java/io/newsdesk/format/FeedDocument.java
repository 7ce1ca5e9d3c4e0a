package io.newsdesk.format;

import java.time.OffsetDateTime;
import java.util.List;

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
        List<FeedEntry> entries)
        implements Syndication {}
