package io.newsdesk.article;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the change log keeps a numbered change ({@code newsdesk.changes.retention}). */
@ConfigMapping(prefix = "newsdesk.changes")
public interface ChangeLogConfig {

    /** Changes older than this are pruned; a reader resuming from one of them is told to reload. */
    @WithDefault("P7D")
    Duration retention();
}
