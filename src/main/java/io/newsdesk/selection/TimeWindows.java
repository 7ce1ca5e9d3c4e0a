package io.newsdesk.selection;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;

import io.newsdesk.problem.ProblemException;

/**
 * The rules of {@code date}, {@code from} and {@code to}: a day is a day in the newsroom's zone; {@code from}
 * is inclusive; a plain date in {@code to} includes that whole day, a date-time in {@code to} is exclusive.
 * The result is one half-open window {@code [from, to)}, the intersection of everything given.
 */
final class TimeWindows {

    /** Bounds no article lies outside (see ArticleInput); windows are clamped to them before SQL. */
    static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    record Window(Optional<Instant> from, Optional<Instant> to) {}

    private final ZoneId zone;

    TimeWindows(ZoneId zone) {
        this.zone = zone;
    }

    Window window(Optional<String> date, Optional<String> from, Optional<String> to) {
        Optional<Instant> start = from.map(value -> bound("from", value, false));
        Optional<Instant> end = to.map(value -> bound("to", value, true));
        if (date.isPresent()) {
            LocalDate day = day("date", date.get());
            start = Optional.of(later(start, startOf(day)));
            end = Optional.of(earlier(end, startOf(day.plusDays(1))));
        }
        if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
            throw ProblemException.invalidParameter(
                    from.isPresent() ? "from" : "date",
                    "The time window is empty: 'from' (inclusive) must come before 'to' (a plain date in 'to'"
                            + " includes that day), and both must overlap 'date' when it is given.");
        }
        return new Window(start.map(TimeWindows::clamp), end.map(TimeWindows::clamp));
    }

    private Instant bound(String name, String value, boolean exclusiveEnd) {
        if (value.length() == 10) {
            LocalDate day = day(name, value);
            return startOf(exclusiveEnd ? day.plusDays(1) : day);
        }
        // A '+' in a query string arrives as a space unless the client encoded it as %2B.
        String text = value.replace(' ', '+');
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeException e) {
            throw ProblemException.invalidParameter(
                    name,
                    "'" + name + "' is a date (2026-01-31) or a date-time"
                            + " with an offset (2026-01-31T18:00:00Z or 2026-01-31T18:00:00%2B01:00), not '"
                            + Words.printable(value) + "'.");
        }
    }

    static LocalDate day(String name, String value) {
        try {
            // exactly YYYY-MM-DD: the formatter alone also takes signed years such as +999999999-12-31,
            // whose next day (the end of the window) does not exist
            if (value.length() != 10) {
                throw new DateTimeException("not YYYY-MM-DD");
            }
            return LocalDate.parse(value, DAY);
        } catch (DateTimeException e) {
            throw ProblemException.invalidParameter(
                    name,
                    "'" + name + "' must be a calendar day as YYYY-MM-DD" + " (for example 2026-01-31), not '"
                            + Words.printable(value) + "'.");
        }
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static Instant later(Optional<Instant> a, Instant b) {
        return a.filter(value -> value.isAfter(b)).orElse(b);
    }

    private static Instant earlier(Optional<Instant> a, Instant b) {
        return a.filter(value -> value.isBefore(b)).orElse(b);
    }

    static Instant clamp(Instant instant) {
        return instant.isBefore(EARLIEST) ? EARLIEST : instant.isAfter(LATEST) ? LATEST : instant;
    }
}
