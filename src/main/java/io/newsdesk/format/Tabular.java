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
}
