package io.newsdesk.auth;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Refused writes per client address, in fixed windows: after {@code maxFailures} refusals within
 * {@code window} of the first one, further wrong credentials from the address are a 429 until that window
 * ends (a right key still passes: see {@link EditorFilter}). At most {@code maxClients}
 * addresses are remembered, least recently seen forgotten first, so memory stays bounded under a flood of
 * addresses. Kept in memory per instance: N instances behind a balancer allow up to N times the limit.
 */
@Startup
@ApplicationScoped
class FailedAttempts {

    private record Window(long startNanos, int failures) {}

    private final int maxFailures;
    private final long windowNanos;
    private final LongSupplier clock;
    private final Map<String, Window> windows;

    @Inject
    FailedAttempts(AuthConfig config) {
        this(config.maxFailures(), config.failureWindow(), config.maxTrackedClients(), System::nanoTime);
        if (config.failureWindow().isNegative() || config.failureWindow().isZero()) {
            throw new ConfigurationException("newsdesk.auth.failure-window (env NEWSDESK_AUTH_FAILURE_WINDOW) must"
                    + " be a positive duration such as 60S; to turn the throttling off, set"
                    + " newsdesk.auth.max-failures to 0.");
        }
    }

    FailedAttempts(int maxFailures, Duration window, int maxClients, LongSupplier clock) {
        this.maxFailures = maxFailures;
        this.windowNanos = window.toNanos();
        this.clock = clock;
        this.windows = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > maxClients;
            }
        };
    }

    /** Whole seconds (at least 1) until this client may try again; 0 when it is not locked out. */
    synchronized long lockedForSeconds(String client) {
        if (maxFailures <= 0) {
            return 0;
        }
        Window window = current(client);
        if (window == null || window.failures() < maxFailures) {
            return 0;
        }
        long left = window.startNanos() + windowNanos - clock.getAsLong();
        return Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }

    /** Counts one refused write from this client. */
    synchronized void failed(String client) {
        if (maxFailures <= 0) {
            return;
        }
        Window window = current(client);
        windows.put(
                client,
                window == null
                        ? new Window(clock.getAsLong(), 1)
                        : new Window(window.startNanos(), Math.min(window.failures() + 1, maxFailures)));
    }

    synchronized int trackedClients() {
        return windows.size();
    }

    /** This client's window if it is still running; an ended one is forgotten. */
    private Window current(String client) {
        Window window = windows.get(client);
        if (window != null && clock.getAsLong() - window.startNanos() >= windowNanos) {
            windows.remove(client);
            return null;
        }
        return window;
    }
}
