package io.newsdesk.article;

import static io.newsdesk.problem.ProblemAssert.problem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class ArticleWriteTest extends ApiTest {

    @Test
    void shouldAnswer201WithLocationThatReadsTheCreatedArticle() {
        String category = newCategory();
        String source = newSource();
        Map<String, Object> body = article(category, source, "2026-03-02T10:15:30+02:00");

        Response created = editor().body(body).post("/v1/articles");

        assertEquals(201, created.statusCode(), created.asString());
        assertTrue(created.contentType().startsWith("application/json"));
        JsonPath json = created.jsonPath();
        long id = json.getLong("id");
        assertTrue(id >= 1);
        String location = created.header("Location");
        assertTrue(URI.create(location).isAbsolute(), location);
        assertTrue(location.endsWith("/v1/articles/" + id), location);
        assertEquals(location, json.getString("url"));
        assertEquals(body.get("title"), json.getString("title"));
        assertEquals(body.get("summary"), json.getString("summary"));
        assertEquals(body.get("content"), json.getString("content"));
        assertEquals(category, json.getString("category.slug"));
        assertEquals("Category " + category, json.getString("category.name"));
        assertEquals(source, json.getString("source.slug"));
        assertEquals("Source " + source, json.getString("source.name"));
        assertEquals("2026-03-02T08:15:30Z", json.getString("publishedAt"));
        assertEquals(body.get("originalUrl"), json.getString("originalUrl"));
        assertEquals(true, json.getBoolean("isSummary"));
        assertEquals(false, json.getBoolean("hasEditorialBias"));
        assertEquals(0L, json.getLong("views"));
        Map<String, Object> read = given().get(location)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        assertEquals(json.getMap(""), read);
    }

    @Test
    void shouldReplaceArticleWithPutAndShowTheChangeOnRead() {
        String category = newCategory();
        String source = newSource();
        String otherCategory = newCategory();
        long id = newArticle(category, source, "2026-03-03T09:00:00Z");
        String before = given().get("/v1/articles/" + id).jsonPath().getString("updatedAt");
        Map<String, Object> body = article(otherCategory, source, "2026-03-04T12:00:00Z");
        body.put("title", "Replaced title");
        body.put("isSummary", false);
        body.put("hasEditorialBias", true);

        JsonPath updated = editor().body(body)
                .put("/v1/articles/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertEquals(id, updated.getLong("id"));
        assertEquals("Replaced title", updated.getString("title"));
        assertEquals(otherCategory, updated.getString("category.slug"));
        assertEquals("2026-03-04T12:00:00Z", updated.getString("publishedAt"));
        assertEquals(false, updated.getBoolean("isSummary"));
        assertEquals(true, updated.getBoolean("hasEditorialBias"));
        assertNotEquals(before, updated.getString("updatedAt"));
        JsonPath read = given().get("/v1/articles/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(updated.getMap(""), read.getMap(""));
        assertEquals(0L, articleCount("categories", category));
        assertEquals(1L, articleCount("categories", otherCategory));
    }

    @Test
    void shouldDeleteArticleFromReadsListsCountsAndArchive() {
        String category = newCategory();
        String source = newSource();
        Map<String, Object> body = article(category, source, "1642-07-15T10:00:00Z");
        long id = newArticle(body);
        long kept = newArticle(category, source, "1642-07-16T10:00:00Z");
        assertEquals(2L, articleCount("categories", category));
        long dayBefore = dayCount("1642-07-15");

        Response deleted = editor().delete("/v1/articles/" + id);

        assertEquals(204, deleted.statusCode());
        assertEquals("", deleted.asString());
        problem(given().get("/v1/articles/" + id), 404, "not-found");
        List<Long> listed = given().queryParam("category", category)
                .get("/v1/articles")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", Long.class);
        assertEquals(List.of(kept), listed);
        assertEquals(
                List.of(),
                given().queryParam("q", body.get("title"))
                        .queryParam("source", source)
                        .get("/v1/articles")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items"));
        assertEquals(1L, articleCount("categories", category));
        assertEquals(1L, articleCount("sources", source));
        assertEquals(
                List.of("1642-07-16"),
                given().queryParam("category", category)
                        .get("/v1/dates")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.date"));
        assertEquals(dayBefore - 1, dayCount("1642-07-15"));
        problem(editor().delete("/v1/articles/" + id), 404, "not-found");
    }

    @Test
    void shouldCountViewsWithoutKeyAndAnswerIdAndNewCount() {
        long id = newArticle(newCategory(), newSource(), "2026-03-05T09:00:00Z");

        JsonPath first = given().post("/v1/articles/" + id + "/views")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath();
        JsonPath second = given().post("/v1/articles/" + id + "/views")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertEquals(Map.of("id", (int) id, "views", 1), first.getMap(""));
        assertEquals(2L, second.getLong("views"));
        assertEquals(2L, given().get("/v1/articles/" + id).jsonPath().getLong("views"));
    }

    @Test
    void shouldAnswer404ForViewsOfUnknownOrDeletedArticle() {
        long id = newArticle(newCategory(), newSource(), "2026-03-06T09:00:00Z");
        editor().delete("/v1/articles/" + id).then().statusCode(204);

        problem(given().post("/v1/articles/" + id + "/views"), 404, "not-found");
        problem(given().post("/v1/articles/999999999999/views"), 404, "not-found");
    }

    @Test
    void shouldIgnoreReadOnlyFieldsOnCreateAndReplace() {
        String category = newCategory();
        String source = newSource();
        Map<String, Object> body = article(category, source, "2026-03-07T09:00:00Z");
        body.put("id", 7);
        body.put("url", "https://evil.example/v1/articles/7");
        body.put("views", 1000);
        body.put("slug", "chosen-slug");
        body.put("updatedAt", "2000-01-01T00:00:00Z");

        JsonPath created = editor().body(body)
                .post("/v1/articles")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        long id = created.getLong("id");
        JsonPath replaced = editor().body(body)
                .put("/v1/articles/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        for (JsonPath json : List.of(created, replaced)) {
            assertEquals(id, json.getLong("id"));
            assertEquals(0L, json.getLong("views"));
            assertTrue(json.getString("url").endsWith("/v1/articles/" + id));
            assertNotEquals("chosen-slug", json.getString("slug"));
            assertNotEquals("2000-01-01T00:00:00Z", json.getString("updatedAt"));
        }
    }

    @Test
    void shouldAnswer404ForPutAndDeleteOfUnknownArticle() {
        Map<String, Object> body = article(newCategory(), newSource(), "2026-03-08T09:00:00Z");

        problem(editor().body(body).put("/v1/articles/999999999999"), 404, "not-found");
        problem(editor().delete("/v1/articles/999999999999"), 404, "not-found");
    }

    static long articleCount(String collection, String slug) {
        return given().get("/v1/" + collection + "/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("articleCount");
    }

    private static long dayCount(String date) {
        List<Long> counts = given().queryParam("date", date)
                .get("/v1/dates")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.count", Long.class);
        return counts.isEmpty() ? 0 : counts.get(0);
    }
}
