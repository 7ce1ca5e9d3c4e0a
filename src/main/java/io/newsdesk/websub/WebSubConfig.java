package io.newsdesk.websub;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The WebSub hub's settings ({@code newsdesk.websub.*}); see the settings table in src/site/markdown/operations.md. */
@ConfigMapping(prefix = "newsdesk.websub")
public interface WebSubConfig {

    /**
     * An external hub's URL: feeds advertise it instead of this API's own hub, and every change is pinged to it
     * ({@code hub.mode=publish}). Unset: Newsdesk is the hub.
     */
    Optional<String> hub();

    /** Whether callbacks may be loopback, private, link-local or other non-public addresses (tests, intranets). */
    @WithDefault("false")
    boolean allowPrivateCallbacks();

    /** Subscriptions one client address may hold; one more is a 429. */
    @WithDefault("100")
    int maxSubscriptionsPerClient();

    /** The first retry's delay after a failed delivery; each further retry doubles it. */
    @WithDefault("PT10S")
    Duration retryBase();

    /** How long a failing delivery is retried before it is dropped (with a log line and a metric). */
    @WithDefault("PT1H")
    Duration retryFor();

    /** How long a worker's claim on a delivery lasts; a delivery claimed by a dead worker is due again after it. */
    @WithDefault("PT1M")
    Duration claimLease();
}
