package io.newsdesk.format;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The CSV of articles against the JSON of the same selection: the whole selection whatever the page limit,
 * in the same order, every field equal (text with the formula guard undone), CRLF records, a named download.
 */
@QuarkusTest
class CsvWriterTest extends ApiTest {

    static final String[] ARTICLE_HEADER = {
        "id",
        "slug",
        "title",
        "summary",
        "content",
        "categorySlug",
        "categoryName",
        "sourceSlug",
        "sourceName",
        "publishedAt",
        "updatedAt",
        "originalUrl",
        "url",
        "isSummary",
        "hasEditorialBias",
        "views"
    };

    @Test
    void shouldExportTheWholeSelectionNotOnePage() {
        String category = HardText.create();
        List<Map<String, Object>> json = allPages(Map.of("category", category, "limit", 3));
        assertEquals(HardText.TITLES.size(), json.size());

        Csv.Document csv = Csv.get("/v1/articles", Map.of("category", category, "limit", 3));

        assertArrayEquals(ARTICLE_HEADER, csv.header());
        assertArticles(json, csv.records());
    }

    @Test
    void shouldHonourTheSortOrder() {
        String category = HardText.create();
        List<Map<String, Object>> json = allPages(Map.of("category", category, "sort", "oldest", "limit", 4));

        Csv.Document csv = Csv.get("/v1/articles", Map.of("category", category, "sort", "oldest"));

        assertEquals(HardText.TITLES.get(0), Csv.restored(csv.records().get(0)[2]), "oldest first");
        assertArticles(json, csv.records());
    }

    @Test
    void shouldExportFromTheCursorOn() {
        String category = HardText.create();
        JsonPath first = given().queryParam("category", category)
                .queryParam("limit", 3)
                .get("/v1/articles")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String next = first.getString("next");
        List<Map<String, Object>> rest = allPages(next);

        Csv.Document csv = Csv.parse(given().get(next + "&format=csv")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertEquals(HardText.TITLES.size() - 3, csv.records().size());
        assertArticles(rest, csv.records());
    }

    @Test
    void shouldKeepEveryHardCharacterOfTheText() {
        String category = HardText.create();

        Csv.Document csv = Csv.get("/v1/articles", Map.of("category", category, "sort", "oldest"));

        for (int i = 0; i < HardText.TITLES.size(); i++) {
            String[] row = csv.records().get(i);
            assertEquals(HardText.TITLES.get(i), Csv.restored(row[2]));
            assertEquals(i % 2 == 0 ? HardText.SUMMARY : "-" + HardText.SUMMARY, Csv.restored(row[3]));
            assertEquals(HardText.CONTENT, row[4], "CR LF, LF and tabs inside the content are data");
        }
    }

    @Test
    void shouldNameTheDownloadAfterTheSelection() {
        String category = HardText.create();

        Csv.Document csv = Csv.get("/v1/articles", Map.of("category", category));

        assertEquals(
                "attachment; filename=\"articles-" + category + ".csv\"",
                csv.response().header("Content-Disposition"));
        assertEquals("Accept, Accept-Encoding", csv.response().header("Vary"));
    }

    @Test
    void shouldWriteOneArticleAsOneRow() {
        String category = HardText.create();
        Map<String, Object> json = allPages(Map.of("category", category)).get(5);
        Object id = json.get("id");

        Csv.Document csv = Csv.get("/v1/articles/" + id, Map.of());

        assertArrayEquals(ARTICLE_HEADER, csv.header());
        assertArticles(List.of(json), csv.records());
        assertEquals(
                "attachment; filename=\"article-" + id + ".csv\"",
                csv.response().header("Content-Disposition"));
    }

    @Test
    void shouldAnswerAnAcceptHeaderForTextCsv() {
        String category = HardText.create();

        Csv.Document csv = Csv.parse(given().queryParam("category", category)
                .accept("text/csv")
                .get("/v1/articles")
                .then()
                .statusCode(200)
                .contentType("text/csv;charset=UTF-8")
                .extract()
                .response());

        assertEquals(HardText.TITLES.size(), csv.records().size());
    }

    @Test
    void shouldWriteOnlyTheHeaderForAnEmptySelection() {
        String category = newCategory();

        Csv.Document csv = Csv.get("/v1/articles", Map.of("category", category));

        assertEquals(String.join(",", ARTICLE_HEADER) + "\r\n", csv.text());
    }

    /** Every JSON page of the selection, following {@code next}. */
    static List<Map<String, Object>> allPages(Map<String, ?> query) {
        JsonPath page = given().queryParams(query)
                .get("/v1/articles")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> items = new ArrayList<>(page.getList("items"));
        String next = page.getString("next");
        if (next != null) {
            items.addAll(allPages(next));
        }
        return items;
    }

    private static List<Map<String, Object>> allPages(String url) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (String next = url; next != null; ) {
            JsonPath page = given().urlEncodingEnabled(false)
                    .get(next)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            items.addAll(page.getList("items"));
            next = page.getString("next");
        }
        return items;
    }

    /** Same articles, same order, every field equal to JSON's. */
    static void assertArticles(List<Map<String, Object>> json, List<String[]> rows) {
        assertEquals(json.size(), rows.size(), "one record per article");
        for (int i = 0; i < json.size(); i++) {
            assertArticle(json.get(i), rows.get(i));
        }
    }

    static void assertArticle(Map<String, Object> json, String[] row) {
        String at = "article " + json.get("id") + ": ";
        Object[] expected = cells(json);
        for (int column = 0; column < expected.length; column++) {
            Csv.assertText(expected[column], row[column], at + ARTICLE_HEADER[column]);
        }
    }

    /** The JSON values of an article in the order of the CSV columns. */
    @SuppressWarnings("unchecked")
    static Object[] cells(Map<String, Object> json) {
        Map<String, Object> category = (Map<String, Object>) json.get("category");
        Map<String, Object> source = (Map<String, Object>) json.get("source");
        return new Object[] {
            json.get("id"),
            json.get("slug"),
            json.get("title"),
            json.get("summary"),
            json.get("content"),
            category.get("slug"),
            category.get("name"),
            source.get("slug"),
            source.get("name"),
            json.get("publishedAt"),
            json.get("updatedAt"),
            json.get("originalUrl"),
            json.get("url"),
            json.get("isSummary"),
            json.get("hasEditorialBias"),
            json.get("views")
        };
    }
}
