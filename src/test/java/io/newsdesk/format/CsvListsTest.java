package io.newsdesk.format;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;

/** Categories, sources and the archive of dates as CSV, compared row by row with their JSON. */
@QuarkusTest
class CsvListsTest extends ApiTest {

    static final String HARD_NAME = "Kultur, \"Feuilleton\" 🎭 e\u0301 القاهرة\r\nzweite Zeile";

    @Test
    void shouldListCategoriesAsJsonDoes() {
        String slug = uniqueSlug("cat");
        editor().body(Map.of("slug", slug, "name", HARD_NAME))
                .post("/v1/categories")
                .then()
                .statusCode(201);
        String[] columns = {"slug", "name", "articleCount", "url"};

        Csv.Document csv = Csv.get("/v1/categories", Map.of());
        List<Map<String, Object>> json = jsonItems("/v1/categories", Map.of());

        assertRows(columns, json, csv);
        assertEquals("attachment; filename=\"categories.csv\"", csv.response().header("Content-Disposition"));
    }

    @Test
    void shouldWriteOneCategoryAsOneRow() {
        String category = HardText.create();
        Map<String, Object> json = given().get("/v1/categories/" + category)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");

        Csv.Document csv = Csv.get("/v1/categories/" + category, Map.of());

        assertRows(new String[] {"slug", "name", "articleCount", "url"}, List.of(json), csv);
        assertEquals("10", csv.records().get(0)[2]);
        assertEquals(
                "attachment; filename=\"category-" + category + ".csv\"",
                csv.response().header("Content-Disposition"));
    }

    @Test
    void shouldListSourcesAsJsonDoes() {
        String slug = uniqueSlug("src");
        editor().body(Map.of("slug", slug, "name", HARD_NAME, "url", "https://" + slug + ".example.org/a?b=1,2"))
                .post("/v1/sources")
                .then()
                .statusCode(201);
        String[] columns = {"slug", "name", "url", "articleCount"};

        Csv.Document csv = Csv.get("/v1/sources", Map.of());
        List<Map<String, Object>> json = jsonItems("/v1/sources", Map.of());

        assertRows(columns, json, csv);
        assertEquals("attachment; filename=\"sources.csv\"", csv.response().header("Content-Disposition"));

        Csv.Document one = Csv.get("/v1/sources/" + slug, Map.of());
        assertRows(
                columns, List.of(given().get("/v1/sources/" + slug).jsonPath().getMap("")), one);
        assertEquals(
                "attachment; filename=\"source-" + slug + ".csv\"",
                one.response().header("Content-Disposition"));
    }

    @Test
    void shouldListTheDatesOfASelectionAsJsonDoes() {
        String category = HardText.create();
        String[] columns = {"date", "count", "articles"};

        Csv.Document csv = Csv.get("/v1/dates", Map.of("category", category));
        List<Map<String, Object>> json = given().queryParam("category", category)
                .queryParam("format", "json")
                .get("/v1/dates")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");

        assertEquals(HardText.TITLES.size(), json.size(), "one article a day");
        // A day's link keeps the request's format, so the CSV links to the CSV of that day.
        json.forEach(day -> day.put("articles", day.get("articles").toString().replace("format=json", "format=csv")));
        assertRows(columns, json, csv);
        assertTrue(csv.records().get(0)[2].contains("format=csv"));
        assertEquals("attachment; filename=\"dates.csv\"", csv.response().header("Content-Disposition"));
    }

    private static List<Map<String, Object>> jsonItems(String path, Map<String, ?> query) {
        return given().queryParams(query)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    /** The header is exactly these columns and every record equals the JSON item at the same position. */
    private static void assertRows(String[] columns, List<Map<String, Object>> json, Csv.Document csv) {
        assertArrayEquals(columns, csv.header());
        assertEquals(json.size(), csv.records().size());
        for (int i = 0; i < json.size(); i++) {
            for (int column = 0; column < columns.length; column++) {
                Csv.assertText(
                        json.get(i).get(columns[column]),
                        csv.records().get(i)[column],
                        "row " + i + " " + columns[column]);
            }
        }
    }
}
