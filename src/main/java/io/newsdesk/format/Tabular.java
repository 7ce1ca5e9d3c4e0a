package io.newsdesk.format;

import java.util.List;

/**
 * A model the table writer (CSV) renders from memory: a name for its file, its column names and its rows.
 * Cells are values, not text ({@code String}, numbers, booleans, date-times, dates, or null): how each appears,
 * and which text must be defused for spreadsheets, is the writer's business.
 */
public interface Tabular {

    /** The download's file name without extension, ASCII: {@code categories}, {@code article-42}, ... */
    String tableName();

    List<String> columns();

    List<List<Object>> rows();

    /** What the table is, for a person: an HTML page's heading and the table's caption. */
    default String caption() {
        return tableName();
    }

    /**
     * The text of a link to the URL in this cell of a row, which must make sense on its own (an HTML page lists
     * links out of context for screen readers): {@code Articles of 2026-01-04}, not {@code url}.
     */
    default String linkText(String column, List<Object> row) {
        return column + " of " + row.get(0);
    }
}
