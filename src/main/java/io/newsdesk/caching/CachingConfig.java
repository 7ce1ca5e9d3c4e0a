package io.newsdesk.caching;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** {@code newsdesk.caching.*}: what shared caches in front of Newsdesk may do with a response. */
@ConfigMapping(prefix = "newsdesk.caching")
interface CachingConfig {

    /** Cache-Control of every successful read (and of its 304s). */
    @WithDefault("public, max-age=30, stale-while-revalidate=30")
    @NotBlank String cacheControl();

    /**
     * Cache-Control of an RFC 5005 archive document of a day before today in the newsroom's zone (and of its 304s):
     * such a day changes only when an article of it is edited or one is back-dated into it.
     */
    @WithDefault("public, max-age=86400")
    @NotBlank String archiveCacheControl();

    /**
     * Bytes of serialized representations kept in memory per instance (see {@code RenderCache}); 0 turns the
     * render cache off, so that every read asks the database.
     */
    @WithDefault("67108864")
    @Min(0) long renderCacheMaxBytes();

    /**
     * Versions of feed documents remembered per instance for delta feeds (RFC 3229 {@code feed}, see
     * {@code FeedDeltas}); 0 (or less) turns deltas off, so that every feed read is answered in full.
     */
    @WithDefault("10000")
    int feedVersions();

    /** How long a remembered feed version is kept after a reader last named it or was last sent it. */
    @WithDefault("24H")
    Duration feedVersionIdle();
}
