package io.newsdesk.format;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.newsdesk.ApiTest;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

/**
 * The CSV export of a whole selection, on whichever database the run uses (PostgreSQL writes it with COPY, H2 in
 * batches): the body byte for byte as the rules make it from the JSON of the same articles (quoting, doubled
 * quotes, CRLF record ends, line breaks inside fields kept, neutralised formula starts, empty text, ISO date-times
 * with fractions), more rows than one batch, every filter, and embargoes.
 */
@QuarkusTest
class CsvExportTest extends ApiTest {

    private static final List<String> TEXTS = List.of(
            "plain",
            "comma, inside",
            "\"quoted\" and \"\"doubled\"\"",
            "CR\rLF\nCRLF\r\nend",
            "=1+2",
            "+1",
            "-2",
            "@SUM(1)",
            "\ttab first",
            "\rCR first",
            "'=already",
            "Unicode 東京 🇺🇦 e\u0301 القاهرة",
            "trailing space ",
            "");

    @Inject
    @Any
    InjectableInstance<AgroalDataSource> dataSources;

    @Test
    void shouldWriteEveryByteAsTheRulesMakeItFromTheJson() throws SQLException {
        String category = newCategory();
        String source = newSource();
        insert(category, source, TEXTS.size() * 3, Instant.parse("2026-02-01T10:00:00Z"));

        Csv.Document csv = Csv.get("/v1/articles", Map.of("category", category));

        assertEquals(expected(CsvWriterTest.allPages(Map.of("category", category, "limit", 100))), csv.text());
    }

    @Test
    void shouldExportMoreRowsThanOneBatchInTheSelectionsOrder() throws SQLException {
        String category = newCategory();
        String source = newSource();
        int rows = CsvWriter.BATCH_SIZE * 2 + 7;
        insert(category, source, rows, Instant.parse("2026-02-01T10:00:00Z"));

        Csv.Document newest = Csv.get("/v1/articles", Map.of("category", category));
        Csv.Document oldest = Csv.get("/v1/articles", Map.of("category", category, "sort", "oldest"));

        assertEquals(rows, newest.records().size());
        assertEquals(expected(CsvWriterTest.allPages(Map.of("category", category, "limit", 100))), newest.text());
        assertEquals(
                expected(CsvWriterTest.allPages(Map.of("category", category, "limit", 100, "sort", "oldest"))),
                oldest.text());
    }

    @Test
    void shouldApplyEveryFilterOfTheSelection() throws SQLException {
        String category = newCategory();
        String other = newCategory();
        String source = newSource();
        String otherSource = newSource();
        insert(category, source, 30, Instant.parse("2026-03-01T00:00:00Z"));
        insert(category, otherSource, 10, Instant.parse("2026-03-01T00:00:30Z"));
        insert(other, source, 10, Instant.parse("2026-03-01T00:00:45Z"));

        List<Map<String, Object>> selections = List.of(
                Map.of("category", category),
                Map.of("category", category, "source", source),
                Map.of("source", otherSource),
                Map.of("source", List.of(source, otherSource), "category", List.of(category, other)),
                Map.of("category", category, "from", "2026-03-01T00:03:00Z", "to", "2026-03-01T00:07:30.5Z"),
                Map.of("category", category, "from", "2026-03-01", "to", "2026-03-01", "sort", "oldest"),
                Map.of("category", category, "q", "doubled"),
                Map.of("category", List.of(category, other), "q", "東京 Unicode"),
                Map.of("category", category, "q", "100%_\\'"));
        for (Map<String, Object> selection : selections) {
            Map<String, Object> page = new LinkedHashMap<>(selection);
            page.put("limit", 100);
            List<Map<String, Object>> json = CsvWriterTest.allPages(page);

            Csv.Document csv = Csv.get("/v1/articles", selection);

            assertEquals(expected(json), csv.text(), selection.toString());
        }
    }

    @Test
    void shouldLeaveEmbargoedArticlesOutOfPublicExportsOnly() throws SQLException {
        String category = newCategory();
        String source = newSource();
        // far ahead: a release within a day would cap every later test's Cache-Control (the H2 database is shared)
        insert(category, source, 3, Instant.parse("2999-01-01T00:00:00Z"));
        insert(category, source, 2, Instant.parse("2026-01-01T00:00:00Z"));

        Csv.Document everyone = Csv.get("/v1/articles", Map.of("category", category));
        String editors = given().header("Authorization", "Bearer " + EDITOR_KEY)
                .queryParam("category", category)
                .queryParam("format", "csv")
                .get("/v1/articles")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertEquals(2, everyone.records().size(), "the public sees no embargoed article");
        assertEquals(expected(CsvWriterTest.allPages(Map.of("category", category))), everyone.text());
        assertEquals(5, Csv.parseRecords(editors).size() - 1, "an editor's export holds the scheduled ones too");
    }

    /**
     * The CSV the rules make of these JSON articles: header, then one record per article; a cell is quoted when it
     * holds a comma, a quote, CR or LF, with quotes doubled; records end with CRLF.
     */
    static String expected(List<Map<String, Object>> json) {
        StringBuilder csv = new StringBuilder(String.join(",", CsvWriterTest.ARTICLE_HEADER)).append("\r\n");
        for (Map<String, Object> article : json) {
            List<String> cells = new ArrayList<>();
            for (Object value : CsvWriterTest.cells(article)) {
                String text = value == null ? "" : value.toString();
                String cell = value instanceof String ? Csv.neutralised(text) : text;
                boolean quoted =
                        cell.contains(",") || cell.contains("\"") || cell.contains("\r") || cell.contains("\n");
                cells.add(quoted ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
            }
            csv.append(String.join(",", cells)).append("\r\n");
        }
        return csv.toString();
    }

    /**
     * {@code count} articles written straight into the database (faster than the API, and with text the API refuses,
     * such as an empty summary): seconds apart from {@code first} on, some with a fraction of a second, each text
     * one of {@link #TEXTS}.
     */
    private void insert(String category, String source, int count, Instant first) throws SQLException {
        try (Connection connection = dataSources.getActive().getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into article (slug, title, summary,"
                        + " content, category_id, source_id, published_at, created_at, updated_at, original_url,"
                        + " is_summary, has_editorial_bias, views) values (?, ?, ?, ?, (select id from category"
                        + " where slug = ?), (select id from source where slug = ?), ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                String text = TEXTS.get(i % TEXTS.size());
                Instant at = first.plusSeconds(i).plusNanos(i % 4 == 0 ? 0 : 1_000L * (i % 4 == 1 ? 500_000 : i));
                insert.setString(1, "export-" + i);
                insert.setString(2, "Title " + i + " " + text);
                insert.setString(3, text);
                insert.setString(4, i % 5 == 0 ? "100%_\\' " + text : text + "\n\nSecond paragraph, " + i);
                insert.setString(5, category);
                insert.setString(6, source);
                insert.setObject(7, at.atOffset(ZoneOffset.UTC));
                insert.setObject(8, at.atOffset(ZoneOffset.UTC));
                insert.setObject(9, at.plusMillis(1234).atOffset(ZoneOffset.UTC));
                insert.setString(10, "https://www.example.org/news/" + i + "?a=1,b=2");
                insert.setBoolean(11, i % 2 == 0);
                insert.setBoolean(12, i % 3 == 0);
                insert.setLong(13, i * 1000L);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
