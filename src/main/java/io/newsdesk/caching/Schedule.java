package io.newsdesk.caching;

import java.time.Instant;
import java.util.Optional;

/**
 * Content that changes by itself at known instants, with no write at that moment: an article under embargo
 * appears when its {@code publishedAt} arrives. A feature that has such instants implements this, and
 * {@link Releases} moves the data version at each of them, so nothing cached before it is served after it.
 */
public interface Schedule {

    /** The first instant after {@code now} at which public content changes by itself, if any. */
    Optional<Instant> nextAfter(Instant now);
}
