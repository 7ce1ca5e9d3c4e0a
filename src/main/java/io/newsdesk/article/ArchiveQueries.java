package io.newsdesk.article;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

import io.newsdesk.selection.Selection;
import io.newsdesk.system.Database;
import io.newsdesk.system.Links;
import io.newsdesk.system.NewsdeskConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The archive: days with articles in a selection, counted by the database in the newsroom's zone
 * ({@code published_at AT TIME ZONE 'zone'}, which H2 and PostgreSQL both understand for region ids; both
 * extract the local year, month and day from its result).
 */
@ApplicationScoped
class ArchiveQueries {

    private static final Pattern REGION = Pattern.compile("[A-Za-z][A-Za-z0-9_+\\-/]*");

    private final Database database;
    private final ArticleQueries articles;
    private final String zone;

    ArchiveQueries(Database database, ArticleQueries articles, NewsdeskConfig config) {
        this.database = database;
        this.articles = articles;
        this.zone = sqlZone(config.timeZone());
    }

    DayList days(Selection selection, Links links) {
        ArticleFilter filter = new ArticleFilter(selection, articles.resolve(selection), ArticleFilter.SQL);
        // The day as the number yyyymmdd, from the fields of the local time. Not a cast to date: H2 casts a
        // timestamp with time zone to a date in the JVM's zone, ignoring the offset AT TIME ZONE gave it.
        String local = "(a.published_at at time zone '" + zone + "')";
        String localDay = "(extract(year from " + local + ") * 10000 + extract(month from " + local + ") * 100"
                + " + extract(day from " + local + "))";
        String sql = "select " + localDay + " as published_day, count(*) as n from article a" + filter.where()
                + " group by " + localDay + " order by published_day desc";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = filter.bind(database.em().createNativeQuery(sql)).getResultList();
        return new DayList(rows.stream().map(row -> {
            int yyyymmdd = ((Number) row[0]).intValue();
            LocalDate day = LocalDate.of(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
            return new DayView(day, ((Number) row[1]).longValue(), links.day(day.toString()));
        }).toList());
    }

    /**
     * The zone as SQL may name it. Fixed offsets are refused at start-up: PostgreSQL reads '+02:00' in
     * AT TIME ZONE as POSIX, with the sign inverted, so only region ids (and UTC) are safe on both databases.
     */
    static String sqlZone(ZoneId zone) {
        ZoneId normalized = zone.normalized();
        if (normalized.equals(ZoneOffset.UTC)) {
            return "UTC";
        }
        if (normalized instanceof ZoneOffset || !REGION.matcher(zone.getId()).matches()) {
            throw new IllegalArgumentException("newsdesk.time-zone must be a region id such as Europe/Berlin or"
                    + " UTC, not the fixed offset '" + zone.getId() + "'.");
        }
        return zone.getId();
    }
}
