package io.newsdesk.caching;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The data version as the render cache must see it when content also changes by the clock ({@link Schedule}):
 * once the next scheduled instant has passed, the version moves before the first answer after it, so no
 * representation made before a release is served after it, on any instance (each asks the database for the next
 * instant itself, again after every change it hears of). It also caps {@code max-age}/{@code s-maxage} so that no
 * cache in front keeps a copy past the next release.
 */
@ApplicationScoped
public class Releases {

    private static final Pattern AGE = Pattern.compile("(?i)\\b(max-age|s-maxage)\\s*=\\s*\"?(\\d+)\"?");
    private static final Pattern STALE =
            Pattern.compile("(?i)\\b(stale-while-revalidate|stale-if-error)\\s*=\\s*\"?(\\d+)\"?");

    private final DataVersion version;
    private final List<Schedule> schedules;
    /** The next instant as read at a data version; replaced whole, so the fast path takes no lock. */
    private volatile Known known = new Known(Long.MIN_VALUE, null);

    private record Known(long readAt, Instant next) {}

    Releases(DataVersion version, @All List<Schedule> schedules) {
        this.version = version;
        this.schedules = schedules;
    }

    /** The current data version (-1 while nothing may be cached), moved first if a scheduled instant passed. */
    public long current() {
        long at = version.current();
        if (at < 0 || schedules.isEmpty()) {
            return at;
        }
        Known seen = known;
        if (seen.readAt() == at && (seen.next() == null || Instant.now().isBefore(seen.next()))) {
            return at;
        }
        return refresh();
    }

    private synchronized long refresh() {
        long at = version.current();
        Instant now = Instant.now();
        Known seen = known;
        if (seen.readAt() == at && seen.next() != null && !now.isBefore(seen.next())) {
            version.changed(); // a release passed: nothing made before it may be served
            at = version.current();
        }
        if (at >= 0 && known.readAt() != at) {
            known = new Known(at, read(now));
        }
        return at;
    }

    /** The next scheduled instant, as last read. */
    public Optional<Instant> next() {
        return Optional.ofNullable(known.next());
    }

    /**
     * {@code cacheControl} cut so that no cache keeps a copy past {@code release} (null: unchanged): every
     * {@code max-age} and {@code s-maxage} to the seconds left, and {@code stale-while-revalidate} and
     * {@code stale-if-error} to what is left after that, so that not even a stale copy outlives the release.
     */
    static String capped(String cacheControl, Instant release) {
        if (release == null) {
            return cacheControl;
        }
        long left = Math.max(0, Duration.between(Instant.now(), release).getSeconds());
        long fresh = 0;
        Matcher ages = AGE.matcher(cacheControl);
        StringBuilder out = new StringBuilder();
        while (ages.find()) {
            long seconds = Math.min(Long.parseLong(ages.group(2)), left);
            fresh = Math.max(fresh, seconds);
            ages.appendReplacement(out, ages.group(1) + "=" + seconds);
        }
        ages.appendTail(out);
        Matcher stale = STALE.matcher(out.toString());
        StringBuilder capped = new StringBuilder();
        while (stale.find()) {
            stale.appendReplacement(
                    capped, stale.group(1) + "=" + Math.min(Long.parseLong(stale.group(2)), left - fresh));
        }
        stale.appendTail(capped);
        return capped.toString();
    }

    private Instant read(Instant now) {
        Instant first = null;
        for (Schedule schedule : schedules) {
            Optional<Instant> instant = schedule.nextAfter(now);
            if (instant.isPresent() && (first == null || instant.get().isBefore(first))) {
                first = instant.get();
            }
        }
        return first;
    }
}
