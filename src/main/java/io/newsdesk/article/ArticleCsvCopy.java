package io.newsdesk.article;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import io.agroal.api.AgroalDataSource;
import io.newsdesk.links.Links;
import io.newsdesk.selection.Sort;
import io.newsdesk.system.NewsdeskConfig;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;

/**
 * The CSV export of a selection on PostgreSQL: one {@code COPY (select ...) TO STDOUT (FORMAT csv)} in one
 * read-only transaction (one snapshot of the selection), whose records go to the client as the database sends them,
 * one row in memory at a time. The select writes every cell as the Java writer would (format.CsvRows): text with
 * a leading {@code '} where a spreadsheet would run it, an empty text as an empty unquoted cell, date-times as
 * ISO-8601 in the newsroom's zone with the fraction and offset {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME}
 * prints, booleans as {@code true}/{@code false}. COPY quotes exactly what OpenCSV quotes (a comma, a quote, CR or
 * LF) and doubles quotes; it ends records with LF, which becomes CRLF here: the protocol sends each row as one
 * message, so the last byte of each message is the record end and line breaks inside fields stay as they are.
 * COPY takes no bind parameters: the filter's values are written as literals ({@link ArticleFilter#literal}).
 */
@ApplicationScoped
class ArticleCsvCopy {

    private static final byte[] CRLF = {'\r', '\n'};

    private final InjectableInstance<AgroalDataSource> dataSources;
    private final boolean postgres;
    private final String zone;
    /** The zone's offset when it has only one (UTC, +02:00), else null. */
    private final ZoneOffset fixedOffset;

    private final Permalinks permalinks;
    private final long timeoutMillis;
    private final TextSearch search;

    ArticleCsvCopy(
            @Any InjectableInstance<AgroalDataSource> dataSources,
            @ConfigProperty(name = "quarkus.datasource.pg.active", defaultValue = "false") boolean postgres,
            NewsdeskConfig config,
            CsvExportConfig export,
            TextSearch search) {
        this.dataSources = dataSources;
        this.search = search;
        this.postgres = postgres;
        this.zone = ArchiveQueries.sqlZone(config.timeZone());
        ZoneRules rules = config.timeZone().getRules();
        this.fixedOffset = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : null;
        this.permalinks = new Permalinks(config);
        this.timeoutMillis = export.exportTimeout().toMillis();
    }

    /** Writes the header and every record of the selection; {@code false} (nothing written) on H2. */
    boolean copy(ArticleSelection selection, byte[] header, OutputStream client) throws IOException {
        if (!postgres) {
            return false;
        }
        String sql = "copy (" + select(selection) + ") to stdout (format csv)";
        try (Connection connection = dataSources.getActive().getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set local statement_timeout = " + timeoutMillis);
                }
                CopyOut copy =
                        connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
                transfer(copy, header, client);
                connection.commit();
            } finally {
                restore(connection);
            }
        } catch (SQLException e) {
            throw new IOException("The CSV export failed in the database: " + e.getSQLState(), e);
        }
        return true;
    }

    private static void transfer(CopyOut copy, byte[] header, OutputStream client) throws SQLException, IOException {
        OutputStream out = new BufferedOutputStream(client, 64 * 1024);
        try {
            out.write(header);
            for (byte[] row = copy.readFromCopy(); row != null; row = copy.readFromCopy()) {
                if (row.length == 0 || row[row.length - 1] != '\n') {
                    throw new IOException("COPY sent a message that is not one row");
                }
                out.write(row, 0, row.length - 1);
                out.write(CRLF);
            }
            out.flush();
        } catch (IOException | SQLException | RuntimeException e) {
            cancel(copy, e);
            throw e;
        }
    }

    /** Stops a COPY that is still sending (the client went away) so the connection can be used again. */
    private static void cancel(CopyOut copy, Exception failure) {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** The connection goes back to the pool as it came: autocommit, read-write, no transaction left open. */
    private static void restore(Connection connection) {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // a broken connection: the pool discards it
        }
    }

    /** The select whose rows are the CSV records, in the selection's order. */
    String select(ArticleSelection selection) {
        ArticleFilter filter = new ArticleFilter(selection.selection(), selection.slugs(), ArticleFilter.SQL, search);
        // an export is in time order; sort=relevance exports newest first, as the default does
        String direction = selection.selection().sort() == Sort.OLDEST ? " asc" : " desc";
        return "select " + columns(selection.links()) + " from article a join category c on c.id = a.category_id"
                + " join source s on s.id = a.source_id" + filter.whereWithValues() + " order by a.published_at"
                + direction + ", a.id"
                + direction;
    }

    private String columns(Links links) {
        return List.of(
                        "a.id",
                        text("a.slug"),
                        text("a.title"),
                        text("a.summary"),
                        text("a.content"),
                        text("c.slug"),
                        text("c.name"),
                        text("s.slug"),
                        text("s.name"),
                        time("a.published_at"),
                        time("a.updated_at"),
                        text("a.original_url"),
                        permalinks.sql(links), // an absolute http(s) URL, never formula-like nor empty
                        bool("a.is_summary"),
                        bool("a.has_editorial_bias"),
                        "a.views")
                .stream()
                .collect(Collectors.joining(", "));
    }

    /**
     * As CsvRows.cell: a leading {@code '} where a spreadsheet would run the text; empty text is NULL, which COPY
     * writes as an empty unquoted cell (an empty string it would quote). {@code substr}, not {@code left}: it reads
     * only the first bytes of a long compressed text, which COPY then decompresses once.
     */
    private static String text(String column) {
        return "case when substr(" + column + ", 1, 1) in ('=', '+', '-', '@', chr(9), chr(13)) then '''' || " + column
                + " else nullif(" + column + ", '') end";
    }

    private static String bool(String column) {
        return "case when " + column + " then 'true' else 'false' end";
    }

    /**
     * As {@code ISO_OFFSET_DATE_TIME} prints it: seconds always, the fraction without trailing zeros (none when
     * zero; trimming the zeros and then the point cannot reach the seconds), the offset as {@code Z} or
     * {@code +hh:mm} ({@code :ss} too when it has seconds, as old local mean times do). A zone of one offset is
     * written as a constant; a region's offset is computed per row, from the local time at the zone.
     */
    private String time(String column) {
        String local = "(" + column + " at time zone " + zone + ")";
        String text = "rtrim(rtrim(to_char(" + local + ", 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), '0'), '.')";
        if (fixedOffset != null) {
            return text + " || '" + fixedOffset.getId() + "'";
        }
        String offset = "extract(epoch from " + local + " - (" + column + " at time zone 'UTC'))::int";
        String abs = "abs(" + offset + ")";
        return text + " || case when " + offset + " = 0 then 'Z' else"
                + " case when " + offset + " < 0 then '-' else '+' end"
                + " || to_char(" + abs + " / 3600, 'FM00') || ':' || to_char(" + abs + " / 60 % 60, 'FM00')"
                + " || case when " + abs + " % 60 = 0 then '' else ':' || to_char(" + abs + " % 60, 'FM00') end end";
    }
}
