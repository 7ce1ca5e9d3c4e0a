package io.newsdesk.caching;

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
     * Bytes of serialized representations kept in memory per instance (see {@code RenderCache}); 0 turns the
     * render cache off, so that every read asks the database.
     */
    @WithDefault("67108864")
    @Min(0) long renderCacheMaxBytes();
}
