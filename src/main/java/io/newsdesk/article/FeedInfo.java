package io.newsdesk.article;

import java.time.OffsetDateTime;

import io.newsdesk.format.FeedChannel;

/**
 * What a feed says about itself: a short ASCII {@code name} for file names (articles-world-pbs), an {@code id}
 * that no host, page or format changes (see {@link Permalinks}), a title naming the selection, the URL of this very document ({@code self}),
 * the same selection as JSON ({@code alternate}), and when its newest change happened ({@code updated}, the
 * greatest {@code updatedAt} of its items; the epoch for an empty feed, so that it never depends on the clock), and
 * its language and polling hint ({@code channel}), and what RFC 5005 says of it ({@code history}: archive, complete,
 * and its links to the feed's other documents), and the WebSub hub
 * that announces its changes ({@code hub}, null for none).
 */
public record FeedInfo(
        String name,
        String id,
        String title,
        String description,
        String self,
        String alternate,
        OffsetDateTime updated,
        FeedChannel channel,
        FeedHistory history,
        String hub) {}
