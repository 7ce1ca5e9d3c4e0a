package io.newsdesk.article;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.newsdesk.links.Links;
import io.newsdesk.selection.Selection;
import io.newsdesk.system.Database;
import io.newsdesk.system.NewsdeskConfig;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

/**
 * The archive: days with articles in a selection, counted by the database in the newsroom's zone
 * ({@code published_at AT TIME ZONE <zone>}; both databases extract the local year, month and day from its
 * result), and the days next to one day that have articles, for RFC 5005's archive links ({@link ArchivedFeeds}):
 * the newest or oldest {@code published_at} beyond a bound, which the keyset indexes answer without a scan, read as
 * typed {@link Instant}s. The zone is turned into SQL at start-up ({@link Startup}), so a zone SQL cannot name
 * stops the start instead of failing the first request for the archive.
 */
@Startup
@ApplicationScoped
class ArchiveQueries {

    private static final Pattern REGION = Pattern.compile("[A-Za-z][A-Za-z0-9_+\\-/]*");

    private final Database database;
    private final ArticleQueries articles;
    private final String zone;
    private final ZoneId zoneId;

    ArchiveQueries(Database database, ArticleQueries articles, NewsdeskConfig config) {
        this.database = database;
        this.articles = articles;
        this.zone = sqlZone(config.timeZone());
        this.zoneId = config.timeZone();
    }

    DayList days(Selection selection, Links links) {
        ArticleFilter filter = articles.filter(selection, articles.resolve(selection), ArticleFilter.SQL);
        // The day as the number yyyymmdd, from the fields of the local time. Not a cast to date: H2 casts a
        // timestamp with time zone to a date in the JVM's zone, ignoring the offset AT TIME ZONE gave it.
        String local = "(a.published_at at time zone " + zone + ")";
        String localDay = "(extract(year from " + local + ") * 10000 + extract(month from " + local + ") * 100"
                + " + extract(day from " + local + "))";
        String sql = "select " + localDay + " as \"day\", count(*) as \"articles\" from article a" + filter.where()
                + " group by " + localDay + " order by \"day\" desc";
        List<?> rows =
                filter.bind(database.em().createNativeQuery(sql, Tuple.class)).getResultList();
        return new DayList(
                rows.stream().map(row -> DayCount.of((Tuple) row).view(links)).toList());
    }

    /** The newsroom's day of an instant. */
    LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, zoneId);
    }

    /** When a day of the newsroom begins. */
    Instant startOf(LocalDate day) {
        return day.atStartOfDay(zoneId).toInstant();
    }

    /** The day of the newest article of the selection published before {@code end}, if there is one. */
    Optional<LocalDate> newestDayBefore(Selection selection, ResolvedSlugs slugs, Instant end) {
        return bound("max", selection.within(Optional.empty(), Optional.of(end)), slugs)
                .map(this::day);
    }

    /** The day of the oldest article of the selection published at or after {@code start}, if there is one. */
    Optional<LocalDate> oldestDayFrom(Selection selection, ResolvedSlugs slugs, Instant start) {
        return bound("min", selection.within(Optional.of(start), Optional.empty()), slugs)
                .map(this::day);
    }

    /** The day of the {@code n}-th newest article of the selection (from 1), if it has that many. */
    Optional<LocalDate> dayOfNewest(Selection selection, ResolvedSlugs slugs, int n) {
        ArticleFilter filter = articles.filter(selection.withoutCursor(), slugs, ArticleFilter.HQL);
        String hql = "select a.publishedAt from Article a" + filter.where() + " order by a.publishedAt desc, a.id desc";
        return filter
                .bind(database.em().createQuery(hql, Instant.class))
                .setFirstResult(n - 1)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst()
                .map(this::day);
    }

    /** {@code max} or {@code min} of publishedAt over the selection (its cursor ignored); empty when it has none. */
    private Optional<Instant> bound(String aggregate, Selection selection, ResolvedSlugs slugs) {
        ArticleFilter filter = articles.filter(selection.withoutCursor(), slugs, ArticleFilter.HQL);
        String hql = "select " + aggregate + "(a.publishedAt) from Article a" + filter.where();
        return Optional.ofNullable(
                filter.bind(database.em().createQuery(hql, Instant.class)).getSingleResult());
    }

    /**
     * One row of the archive query, read by column name (quoted aliases, so that H2 keeps their case too); the
     * numbers by {@link Number}, as each database types them differently.
     */
    private record DayCount(LocalDate day, long articles) {

        static DayCount of(Tuple row) {
            int yyyymmdd = row.get("day", Number.class).intValue();
            return new DayCount(
                    LocalDate.of(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100),
                    row.get("articles", Number.class).longValue());
        }

        DayView view(Links links) {
            return new DayView(day, articles, links.day(day.toString()));
        }
    }

    /**
     * The zone as SQL names it on both databases. A region id (and UTC) is a quoted name. A fixed offset is an
     * interval: as a quoted name, PostgreSQL reads '+02:00' as POSIX, with the sign inverted, while an interval
     * means the same offset east of UTC to H2 and PostgreSQL alike.
     */
    static String sqlZone(ZoneId zone) {
        ZoneId normalized = zone.normalized();
        if (normalized.equals(ZoneOffset.UTC)) {
            return "'UTC'";
        }
        if (normalized instanceof ZoneOffset offset) {
            int seconds = offset.getTotalSeconds();
            if (seconds % 60 != 0) {
                throw new ConfigurationException("newsdesk.time-zone (env NEWSDESK_TIME_ZONE) is the offset '"
                        + zone.getId() + "', which has seconds; use whole minutes (+05:30) or a region id such as"
                        + " Asia/Kolkata.");
            }
            int minutes = Math.abs(seconds) / 60;
            return String.format(
                    Locale.ROOT,
                    "interval '%s%02d:%02d' hour to minute",
                    seconds < 0 ? "-" : "+",
                    minutes / 60,
                    minutes % 60);
        }
        if (!REGION.matcher(zone.getId()).matches()) {
            throw new ConfigurationException("newsdesk.time-zone (env NEWSDESK_TIME_ZONE) must be a region id"
                    + " such as Europe/Berlin, UTC or a fixed offset such as +02:00, not '" + zone.getId() + "'.");
        }
        return "'" + zone.getId() + "'";
    }
}
