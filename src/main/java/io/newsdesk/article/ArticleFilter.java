package io.newsdesk.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.newsdesk.selection.Selection;
import io.newsdesk.selection.Sort;
import jakarta.persistence.Query;

/**
 * The WHERE clause of a selection, written once for every query language that reads articles: HQL for pages,
 * native SQL for the per-day counts, and SQL over PostgreSQL's {@code article_search} (which repeats the filter
 * columns of {@code article} under the same names) for pages of a search. Every value is a bind parameter; only
 * column names are spliced. {@code q} becomes whatever {@link TextSearch} makes of it on the active database.
 */
final class ArticleFilter {

    /** Which language the clause is written in, and so how a column is named. */
    enum Language {
        HQL,
        SQL,
        /** SQL over {@code article_search}, whose {@code document} the text query matches directly. */
        SEARCH_SQL
    }

    record Columns(
            Language language,
            String publishedAt,
            String id,
            String categoryId,
            String sourceId,
            String title,
            String summary,
            String content) {}

    static final Columns HQL = new Columns(
            Language.HQL, "a.publishedAt", "a.id", "a.category.id", "a.source.id", "a.title", "a.summary", "a.content");
    static final Columns SQL = new Columns(
            Language.SQL,
            "a.published_at",
            "a.id",
            "a.category_id",
            "a.source_id",
            "a.title",
            "a.summary",
            "a.content");
    static final Columns SEARCH_SQL = new Columns(
            Language.SEARCH_SQL, "a.published_at", "a.id", "a.category_id", "a.source_id", null, null, null);

    private static final Pattern PARAMETER = Pattern.compile(":(\\w+)");

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    ArticleFilter(Selection selection, ResolvedSlugs slugs, Columns c, TextSearch search) {
        if (!slugs.categoryIds().isEmpty()) {
            add(c.categoryId() + " in (:categories)", "categories", slugs.categoryIds());
        }
        if (!slugs.sourceIds().isEmpty()) {
            add(c.sourceId() + " in (:sources)", "sources", slugs.sourceIds());
        }
        if (!selection.scheduled()) {
            // embargo: a public read sees an article from its publishedAt on, not a microsecond earlier
            add(c.publishedAt() + " <= :visibleAt", "visibleAt", Embargoes.now());
        }
        selection.from().ifPresent(from -> add(c.publishedAt() + " >= :from", "from", from));
        selection.to().ifPresent(to -> add(c.publishedAt() + " < :to", "to", to));
        if (!selection.search().isEmpty()) {
            search.restrict(this, selection.search(), c);
        }
        // under sort=relevance the position includes the rank, which only TextSearch's page query computes
        if (selection.sort() != Sort.RELEVANCE) {
            selection.cursor().ifPresent(cursor -> {
                String op = selection.sort() == Sort.OLDEST ? ">" : "<";
                // The first, redundant term is what lets the database seek the keyset index to the cursor; with
                // the "or" alone PostgreSQL scans the index from the start and filters every row before it.
                add(
                        "(" + c.publishedAt() + " " + op + "= :cursorAt and (" + c.publishedAt() + " " + op
                                + " :cursorAt or " + c.id() + " " + op + " :cursorId))",
                        "cursorAt",
                        cursor.publishedAt());
                parameters.put("cursorId", cursor.id());
            });
        }
    }

    /** Adds a condition and the values of the named parameters it uses. */
    void add(String condition, Map<String, Object> values) {
        conditions.add(condition);
        parameters.putAll(values);
    }

    private void add(String condition, String parameter, Object value) {
        add(condition, Map.of(parameter, value));
    }

    String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /**
     * {@link #where} with every parameter written as an SQL literal, for PostgreSQL's COPY, which takes no
     * parameters. The values are this filter's own (ids, instants, LIKE patterns), each written by {@link #literal}.
     */
    String whereWithValues() {
        Matcher names = PARAMETER.matcher(where());
        StringBuilder sql = new StringBuilder();
        while (names.find()) {
            names.appendReplacement(sql, Matcher.quoteReplacement(literal(parameters.get(names.group(1)))));
        }
        return names.appendTail(sql).toString();
    }

    /**
     * A value as a PostgreSQL literal: whole numbers and booleans as they are, instants as {@code timestamptz}, lists as their
     * elements, text as an escape string ({@code E'...'}, with backslash and quote doubled, which means the same
     * whatever {@code standard_conforming_strings} says).
     */
    static String literal(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Instant instant) {
            return "timestamptz '" + instant + "'";
        }
        if (value instanceof String text) {
            return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
        }
        if (value instanceof Collection<?> values && !values.isEmpty()) {
            return values.stream().map(ArticleFilter::literal).collect(Collectors.joining(", "));
        }
        throw new IllegalArgumentException("No SQL literal for " + value);
    }

    /** The named parameters of {@link #where()}, in the order they were added. */
    Map<String, Object> parameters() {
        return parameters;
    }

    <Q extends Query> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
