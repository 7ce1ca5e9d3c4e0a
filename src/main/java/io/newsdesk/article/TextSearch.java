package io.newsdesk.article;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.postgresql.PGStatement;

import io.newsdesk.selection.Cursor;
import io.newsdesk.selection.Selection;
import io.newsdesk.selection.Sort;
import io.newsdesk.selection.TextQuery;
import io.newsdesk.system.Database;
import io.newsdesk.system.NewsdeskConfig;
import io.newsdesk.system.SearchConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * What {@code q} means on the active database, and the page query of a search.
 *
 * <p>PostgreSQL: full-text search. {@code article_search} (migration {@code db/postgresql/V10}) holds each article's
 * {@code tsvector} (title weighted A, summary B, content C) beside copies of the filter columns, kept by a trigger,
 * with a GIN index and a keyset index; a match is {@code document @@ websearch_to_tsquery(config, q)} in the text
 * search configuration chosen from {@code newsdesk.language} when the migration ran (table {@code text_search}).
 * Relevance is {@code ts_rank_cd}, of the newest {@code newsdesk.search.relevance-window} matches only: the edge of that
 * window is found newest first by the keyset index, so ranking costs the same for a word in every other article as
 * for a rare one. A page of a search is read from {@code article_search} alone, over JDBC without
 * server-side prepared statements: PostgreSQL then plans each query with its words, so a common word walks the
 * keyset index and a rare one takes the GIN index, instead of a generic plan that suits one and ruins the other.
 *
 * <p>H2: {@link H2TextSearch}.
 */
@ApplicationScoped
class TextSearch {

    private static final Logger LOG = Logger.getLogger(TextSearch.class);
    private static final Pattern PARAMETER = Pattern.compile(":([A-Za-z][A-Za-z0-9]*)");
    private static final String TSQUERY = "websearch_to_tsquery(cast(:tsConfig as regconfig), :tsQuery)";

    private final Database database;
    private final boolean postgres;
    private final String language;
    private final int relevanceWindow;
    private volatile String config;

    TextSearch(
            Database database,
            NewsdeskConfig newsdesk,
            SearchConfig search,
            @ConfigProperty(name = "quarkus.datasource.pg.active", defaultValue = "false") boolean postgres) {
        this.database = database;
        this.postgres = postgres;
        this.language = newsdesk.language();
        this.relevanceWindow = search.relevanceWindow();
    }

    /** Warns when {@code newsdesk.language} now asks for another configuration than the index was built with. */
    void checkLanguage(@Observes StartupEvent event) {
        if (!postgres) {
            return;
        }
        try {
            Object[] row = (Object[]) database.em()
                    .createNativeQuery("select cast(config as text), cast(newsdesk_text_search_config(:language) as"
                            + " text) from text_search")
                    .setParameter("language", language)
                    .getSingleResult();
            config = (String) row[0];
            if (!row[0].equals(row[1])) {
                LOG.warnf(
                        "newsdesk.language is '%s' (text search configuration %s), but the search index was built"
                                + " with %s, which q= keeps using. To rebuild it (minutes for a million articles):"
                                + " select newsdesk_rebuild_text_search('%s');",
                        language, row[1], row[0], language);
            }
        } catch (RuntimeException databaseDown) {
            LOG.warnf(
                    "The text search configuration could not be read at start-up (%s); it is read at the first"
                            + " search.",
                    databaseDown.getClass().getSimpleName());
        }
    }

    /** Adds the condition of {@code query} to {@code filter}, written in the filter's language. */
    void restrict(ArticleFilter filter, TextQuery query, ArticleFilter.Columns c) {
        if (!postgres) {
            H2TextSearch.restrict(filter, query, c);
            return;
        }
        filter.add(
                switch (c.language()) {
                    case SEARCH_SQL -> "a.document @@ " + TSQUERY;
                    case SQL -> c.id() + " in (select s.id from article_search s where s.document @@ " + TSQUERY + ")";
                    // HQL has no @@: native SQL, cast to Boolean and compared with true to be a predicate
                    // (PostgreSQL drops both, so the semi-join stays plannable)
                    case HQL ->
                        "cast(sql('(? in (select s.id from article_search s where s.document @@"
                                + " websearch_to_tsquery(cast(? as regconfig), ?)))', " + c.id()
                                + ", :tsConfig, :tsQuery) as Boolean) = true";
                },
                Map.of("tsConfig", config(), "tsQuery", query.text()));
    }

    /**
     * Positions (id, publishedAt, rank) of up to {@code max} articles of a selection with {@code q}, after its
     * cursor, in its order.
     */
    List<Cursor> page(Selection selection, ResolvedSlugs slugs, int max) {
        if (!postgres) {
            return H2TextSearch.page(
                    database.em(),
                    new ArticleFilter(selection, slugs, ArticleFilter.HQL, this),
                    selection,
                    max,
                    relevanceWindow);
        }
        return postgresPage(selection, slugs, max);
    }

    private List<Cursor> postgresPage(Selection selection, ResolvedSlugs slugs, int max) {
        ArticleFilter filter = new ArticleFilter(selection, slugs, ArticleFilter.SEARCH_SQL, this);
        if (selection.sort() == Sort.RELEVANCE) {
            String sql = "select a.id, a.published_at, cast(0 as real) from article_search a" + filter.where()
                    + orderBy(Sort.NEWEST, "", "a.published_at", "a.id") + " offset " + (relevanceWindow - 1)
                    + " limit 1";
            window(filter, positions(sql, filter.parameters()), "a.published_at", "a.id");
        }
        String rank =
                selection.sort() == Sort.RELEVANCE ? "ts_rank_cd(a.document, " + TSQUERY + ")" : "cast(0 as real)";
        rankedAfter(filter, selection, rank, "cast(:cursorRank as real)", "a.published_at", "a.id");
        String sql = "select a.id, a.published_at, " + rank + " from article_search a" + filter.where()
                + orderBy(selection.sort(), rank, "a.published_at", "a.id")
                + (max == Integer.MAX_VALUE ? "" : " limit " + max);
        return positions(sql, filter.parameters());
    }

    /**
     * Under {@code sort=relevance}: only the newest {@code newsdesk.search.relevance-window} matches, those from the
     * {@code edge} (the oldest of them) on; none when the search has fewer matches. The first, redundant term lets the
     * database seek the keyset index.
     */
    static void window(ArticleFilter filter, List<Cursor> edge, String at, String id) {
        if (edge.isEmpty()) {
            return;
        }
        filter.add(
                "(" + at + " >= :edgeAt and (" + at + " > :edgeAt or " + id + " >= :edgeId))",
                Map.of(
                        "edgeAt",
                        edge.get(0).publishedAt(),
                        "edgeId",
                        edge.get(0).id()));
    }

    /** Under {@code sort=relevance} after a cursor: only articles of lower rank, or of equal rank and older. */
    static void rankedAfter(
            ArticleFilter filter, Selection selection, String rank, String cursorRank, String at, String id) {
        if (selection.sort() != Sort.RELEVANCE || selection.cursor().isEmpty()) {
            return;
        }
        Cursor cursor = selection.cursor().get();
        filter.add(
                "(" + rank + " < " + cursorRank + " or (" + rank + " = " + cursorRank + " and (" + at
                        + " < :cursorAt or (" + at + " = :cursorAt and " + id + " < :cursorId))))",
                Map.of("cursorRank", cursor.rank(), "cursorAt", cursor.publishedAt(), "cursorId", cursor.id()));
    }

    static String orderBy(Sort sort, String rank, String at, String id) {
        return switch (sort) {
            case NEWEST -> " order by " + at + " desc, " + id + " desc";
            case OLDEST -> " order by " + at + " asc, " + id + " asc";
            case RELEVANCE -> " order by " + rank + " desc, " + at + " desc, " + id + " desc";
        };
    }

    /**
     * Runs SQL written with named parameters as a JDBC statement that PostgreSQL plans with its values every time
     * (no server-side prepared statement, so no generic plan). Names become {@code ?}; a collection, one per value.
     */
    private List<Cursor> positions(String sql, Map<String, Object> values) {
        return database.em().unwrap(Session.class).doReturningWork(connection -> positions(connection, sql, values));
    }

    private static List<Cursor> positions(Connection connection, String sql, Map<String, Object> values)
            throws SQLException {
        List<Object> bound = new ArrayList<>();
        Matcher names = PARAMETER.matcher(sql);
        StringBuilder positional = new StringBuilder();
        while (names.find()) {
            Object value = values.get(names.group(1));
            if (value instanceof Collection<?> many) {
                names.appendReplacement(positional, String.join(", ", Collections.nCopies(many.size(), "?")));
                bound.addAll(many);
            } else {
                names.appendReplacement(positional, "?");
                bound.add(value);
            }
        }
        names.appendTail(positional);
        try (PreparedStatement statement = connection.prepareStatement(positional.toString())) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            for (int i = 0; i < bound.size(); i++) {
                Object value = bound.get(i);
                statement.setObject(
                        i + 1,
                        value instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : value);
            }
            List<Cursor> positions = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    positions.add(new Cursor(
                            rows.getObject(2, OffsetDateTime.class).toInstant(), rows.getLong(1), rows.getFloat(3)));
                }
            }
            return positions;
        }
    }

    /** The text search configuration the index was built with (read once from the database). */
    private String config() {
        String current = config;
        if (current == null) {
            current = (String) database.em()
                    .createNativeQuery("select cast(config as text) from text_search")
                    .getSingleResult();
            config = current;
        }
        return current;
    }
}
