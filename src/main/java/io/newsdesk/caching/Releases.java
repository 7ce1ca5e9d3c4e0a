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

    /** {@code cacheControl} with every max-age and s-maxage cut to the time left until the next release. */
    String capped(String cacheControl) {
        Instant release = known.next();
        if (release == null) {
            return cacheControl;
        }
        long left = Math.max(0, Duration.between(Instant.now(), release).getSeconds());
        Matcher ages = AGE.matcher(cacheControl);
        StringBuilder out = new StringBuilder();
        while (ages.find()) {
            long seconds = Long.parseLong(ages.group(2));
            ages.appendReplacement(out, ages.group(1) + "=" + Math.min(seconds, left));
        }
        ages.appendTail(out);
        return out.toString();
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
