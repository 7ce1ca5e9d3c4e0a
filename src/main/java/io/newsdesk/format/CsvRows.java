package io.newsdesk.format;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The text of each CSV cell. Numbers, booleans and dates are written as JSON writes them and cannot start with a
 * formula character; text goes through {@link #cell(String)}.
 */
final class CsvRows {

    private CsvRows() {}

    static String[] text(List<?> cells) {
        String[] row = new String[cells.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = cell(cells.get(i));
        }
        return row;
    }

    private static String cell(Object value) {
        if (value instanceof String text) {
            return cell(text);
        }
        if (value instanceof OffsetDateTime time) {
            return time(time);
        }
        return value == null ? "" : value.toString();
    }

    /** As JSON writes it: ISO-8601 with offset, seconds always present ({@code OffsetDateTime.toString} drops them). */
    private static String time(OffsetDateTime time) {
        return cell(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
    }

    /**
     * A text cell that no spreadsheet will evaluate (OWASP CSV injection): text starting with {@code =},
     * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading {@code '}, which Excel,
     * LibreOffice and Google Sheets read as "this is text". Everything after it is the text, unchanged.
     * Null (no value) is an empty cell.
     */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
