package io.newsdesk.system;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Bulk imports ({@code POST /v1/articles} with an NDJSON body): how many articles one request may carry, and how
 * many bytes its body may have (a single write's limit is {@code newsdesk.http.max-body-bytes}).
 */
@ConfigMapping(prefix = "newsdesk.bulk")
public interface BulkConfig {

    /** Articles per request; one more is a 413 that says to split the batch. */
    @WithDefault("1000")
    @Min(1) @Max(100_000) int maxItems();

    /** Bytes of an NDJSON body; more is a 413 before any byte of it is read (when its length is declared). */
    @WithDefault("16777216")
    @Min(1) long maxBodyBytes();
}
