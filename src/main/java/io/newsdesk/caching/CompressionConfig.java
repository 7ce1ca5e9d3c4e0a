package io.newsdesk.caching;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code newsdesk.compression.*}: content codings of reads (see {@link Compression}). */
@ConfigMapping(prefix = "newsdesk.compression")
interface CompressionConfig {

    /** Whether reads are sent gzip- or Brotli-coded to clients that accept it; off, every answer is identity. */
    @WithDefault("true")
    boolean enabled();

    /** Representations smaller than this many bytes are sent as they are: coding them saves less than it costs. */
    @WithDefault("1024")
    @Min(0) int minBytes();

    /** gzip (deflate) level, 1 (fastest) to 9 (smallest). */
    @WithDefault("6")
    @Min(1) @Max(9) int gzipLevel();

    /** Brotli quality, 0 (fastest) to 11 (smallest; slow: tens of milliseconds for a feed). */
    @WithDefault("6")
    @Min(0) @Max(11) int brotliQuality();
}
