package io.newsdesk.changes;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The change streams' heartbeat and the number one client address may hold open. */
@ConfigMapping(prefix = "newsdesk.changes")
public interface StreamConfig {

    /** Interval of the comment line sent on every stream (keeps proxies from closing idle streams). */
    @WithDefault("PT15S")
    Duration heartbeat();

    /** Open streams per client address; one more is a 429. */
    @WithDefault("8")
    int maxStreamsPerClient();
}
