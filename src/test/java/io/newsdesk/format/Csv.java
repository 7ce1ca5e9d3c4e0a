package io.newsdesk.format;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.opencsv.CSVParserBuilder;
import com.opencsv.ICSVParser;

import io.restassured.response.Response;

/**
 * Test helpers for CSV: a parse with OpenCSV's parser that keeps carriage returns inside quoted fields (so
 * text must round-trip byte for byte), the record-terminator check, and the formula-neutralising
 * rule in both directions.
 */
final class Csv {

    static final String FORMULA_STARTS = "=+-@\t\r";

    /** The body as text, its rows, and the response it came from. */
    record Document(Response response, String text, List<String[]> rows) {

        String[] header() {
            return rows.get(0);
        }

        List<String[]> records() {
            return rows.subList(1, rows.size());
        }
    }

    private Csv() {}

    /** GET a CSV (200, text/csv; charset=utf-8) and parse it. */
    static Document get(String path, Map<String, ?> query) {
        Response response =
                given().queryParams(query).queryParam("format", "csv").get(path);
        response.then().statusCode(200).contentType("text/csv;charset=UTF-8");
        return parse(response);
    }

    static Document parse(Response response) {
        String text = strictUtf8(response.asByteArray());
        assertFalse(text.startsWith("\uFEFF"), "UTF-8 without a byte order mark");
        List<String[]> rows = parseRecords(text);
        int width = rows.get(0).length;
        rows.forEach(row ->
                assertEquals(width, row.length, () -> "every record has the header's width: " + String.join("|", row)));
        return new Document(response, text, rows);
    }

    /**
     * Each record parsed by OpenCSV's parser. Records are cut at the terminators {@link #recordsOf} found,
     * not by OpenCSV's CSVReader: that reader either turns every line break inside a field into LF or, when
     * told to keep carriage returns, takes an empty line inside a quoted field for the end of the input.
     */
    static List<String[]> parseRecords(String text) {
        ICSVParser parser = new CSVParserBuilder()
                .withEscapeChar(ICSVParser.NULL_CHARACTER)
                .withIgnoreLeadingWhiteSpace(false)
                .withStrictQuotes(false)
                .build();
        List<String[]> rows = new ArrayList<>();
        for (String record : recordsOf(text)) {
            try {
                rows.add(parser.parseLine(record));
            } catch (IOException e) {
                fail("not valid CSV: " + e.getMessage());
            }
            assertFalse(parser.isPending(), "unterminated quoted field");
        }
        return rows;
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("body is not UTF-8", e);
        }
    }

    /**
     * The records of the text, without their terminators, proving on the way that outside quoted fields every
     * line break is CRLF and that the text ends with one; inside them line breaks are data. A quote opens a
     * field only at its start and {@code ""} inside is an escaped quote (RFC 4180).
     */
    static List<String> recordsOf(String text) {
        List<String> records = new ArrayList<>();
        boolean quoted = false;
        boolean fieldStart = true;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            if (c == '"' && fieldStart) {
                quoted = true;
            } else if (c == '\r' || c == '\n') {
                assertTrue(
                        c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n',
                        "bare " + (c == '\r' ? "CR" : "LF") + " outside a quoted field at offset " + i);
                records.add(text.substring(start, i));
                start = ++i + 1;
                fieldStart = true;
                continue;
            } else {
                assertFalse(c == '"', "quote inside an unquoted field at offset " + i);
            }
            fieldStart = c == ',';
        }
        assertFalse(quoted, "unterminated quoted field");
        assertEquals(text.length(), start, "the last record ends with CRLF too");
        assertFalse(records.isEmpty());
        return records;
    }

    /** What a JSON text value must look like in CSV: a leading ' when a spreadsheet would run it. */
    static String neutralised(String json) {
        return !json.isEmpty() && FORMULA_STARTS.indexOf(json.charAt(0)) >= 0 ? "'" + json : json;
    }

    /** The reverse: the CSV cell with the neutralising ' removed, which must give the JSON value back. */
    static String restored(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1)
                : cell;
    }

    /** The CSV text cell equals the JSON value in both directions. */
    static void assertText(Object json, String cell, String what) {
        String expected = json == null ? "" : json.toString();
        assertEquals(neutralised(expected), cell, what);
        assertEquals(expected, restored(cell), what + " (restored)");
    }

    static void assertNoFormulaCell(List<String[]> rows) {
        for (String[] row : rows) {
            for (String cell : row) {
                assertTrue(
                        cell.isEmpty() || FORMULA_STARTS.indexOf(cell.charAt(0)) < 0,
                        () -> "a spreadsheet would run the cell " + cell);
            }
        }
    }
}
