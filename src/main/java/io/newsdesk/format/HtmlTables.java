package io.newsdesk.format;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps a {@link Tabular} model to a table page: a column header per column, the first cell of each row as its
 * header, and every absolute http(s) URL as a link whose text the model words ({@link Tabular#linkText}).
 */
final class HtmlTables {

    private final HtmlSite site;

    HtmlTables(HtmlSite site) {
        this.site = site;
    }

    HtmlPages.Table page(Tabular table) {
        List<String> columns = table.columns();
        List<List<HtmlPages.Cell>> rows = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            List<HtmlPages.Cell> cells = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                Object value = row.get(i);
                boolean link = value instanceof String text && isLink(text);
                cells.add(new HtmlPages.Cell(
                        link ? table.linkText(columns.get(i), row) : text(value),
                        link ? (String) value : null,
                        i == 0));
            }
            rows.add(cells);
        }
        return new HtmlPages.Table(
                site.lang(),
                table.caption(),
                columns.stream().map(HtmlTables::heading).toList(),
                rows);
    }

    private String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof OffsetDateTime time) {
            return site.time(time).text();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof Boolean yes) {
            return yes ? "yes" : "no";
        }
        return value.toString();
    }

    private static boolean isLink(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && !text.contains(" ");
    }

    /** {@code articleCount} becomes "Article count". */
    private static String heading(String column) {
        String words = column.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
