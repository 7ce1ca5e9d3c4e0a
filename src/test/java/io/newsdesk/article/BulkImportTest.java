package io.newsdesk.article;

import static io.newsdesk.problem.ProblemAssert.assertNoLeak;
import static io.newsdesk.problem.ProblemAssert.problem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Bulk import: {@code POST /v1/articles} with one article per line (NDJSON). The good lines are written together,
 * each bad line is reported with the problem a single create of it would answer, and the report says which is
 * which, line by line.
 */
@QuarkusTest
class BulkImportTest extends ApiTest {

    private static final String NDJSON = "application/x-ndjson; charset=utf-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RequestSpecification bulk() {
        return given().header("Authorization", "Bearer " + EDITOR_KEY).contentType(NDJSON);
    }

    private static byte[] lines(List<?> items) {
        StringBuilder body = new StringBuilder();
        for (Object item : items) {
            try {
                body.append(item instanceof String text ? text : JSON.writeValueAsString(item))
                        .append('\n');
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<Object> articles(String category, String source, int count) {
        List<Object> articles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> article = article(category, source, "2026-04-0" + (1 + i % 9) + "T10:00:00Z");
            article.put("title", "Import " + i + " «Zürich», “quoted” " + uniqueSlug("t"));
            articles.add(article);
        }
        return articles;
    }

    @Test
    void shouldWriteEveryLineAndAnswerAReportWhoseLocationsReadTheArticles() throws Exception {
        String category = newCategory();
        String source = newSource();
        long since = given().get("/v1/changes?category=" + category).jsonPath().getLong("last");
        List<Object> articles = articles(category, source, 5);

        Response answer = bulk().body(lines(articles)).post("/v1/articles");

        assertEquals(200, answer.statusCode(), answer.asString());
        assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
        JsonNode report = JSON.readTree(answer.asByteArray());
        assertEquals(5, report.get("created").asInt());
        assertEquals(0, report.get("failed").asInt());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JsonNode item = report.get("items").get(i);
            assertEquals(i, item.get("index").asInt());
            assertEquals(i + 1, item.get("line").asInt());
            assertEquals(201, item.get("status").asInt());
            long id = item.get("id").asLong();
            String location = item.get("location").asText();
            assertTrue(URI.create(location).isAbsolute(), location);
            assertTrue(location.endsWith("/v1/articles/" + id), location);
            assertNull(item.get("problem"));
            @SuppressWarnings("unchecked")
            Map<String, Object> sent = (Map<String, Object>) articles.get(i);
            JsonPath read =
                    given().get(location).then().statusCode(200).extract().jsonPath();
            assertEquals(sent.get("title"), read.getString("title"));
            assertEquals(sent.get("content"), read.getString("content"));
            assertEquals(category, read.getString("category.slug"));
            assertEquals("Source " + source, read.getString("source.name"));
            assertEquals(sent.get("publishedAt"), read.getString("publishedAt"));
            assertEquals(0L, read.getLong("views"));
            ids.add(id);
        }
        assertEquals(5L, articlesInCategory(category));
        JsonPath changes = poll("/v1/changes?category=" + category + "&since=" + since, 5);
        assertEquals(ids, changes.getList("items.articleId", Long.class));
        assertEquals(List.of("created", "created", "created", "created", "created"), changes.getList("items.type"));
    }

    @Test
    void shouldWriteTheGoodLinesAndReportEachBadOneWithItsProblem() throws Exception {
        String category = newCategory();
        String source = newSource();
        List<Object> good = articles(category, source, 2);
        Map<String, Object> untitled = article(category, source, "2026-04-02T10:00:00Z");
        untitled.remove("title");
        Map<String, Object> unknownSlug =
                article("no-such-category-" + uniqueSlug("x"), source, "2026-04-02T10:00:00Z");
        List<Object> lines = List.of(good.get(0), untitled, "{\"title\": ", "", unknownSlug, "[1, 2]", good.get(1));

        Response answer = bulk().body(lines(lines)).post("/v1/articles");

        assertEquals(200, answer.statusCode(), answer.asString());
        assertNoLeak(answer.asString());
        JsonNode report = JSON.readTree(answer.asByteArray());
        assertEquals(2, report.get("created").asInt());
        assertEquals(4, report.get("failed").asInt());
        JsonNode items = report.get("items");
        assertEquals(6, items.size(), "the blank line is no item");
        int[] statuses = new int[6];
        int[] numbers = new int[6];
        for (int i = 0; i < 6; i++) {
            assertEquals(i, items.get(i).get("index").asInt());
            statuses[i] = items.get(i).get("status").asInt();
            numbers[i] = items.get(i).get("line").asInt();
        }
        assertArrayEquals(new int[] {201, 400, 400, 400, 400, 201}, statuses);
        assertArrayEquals(new int[] {1, 2, 3, 5, 6, 7}, numbers);
        assertProblem(items.get(1), "invalid-body", "title");
        assertProblem(items.get(2), "malformed-body", null);
        assertTrue(items.get(2).get("problem").get("detail").asText().startsWith("Line 3 is not valid JSON"));
        assertProblem(items.get(3), "invalid-body", "category");
        assertProblem(items.get(4), "malformed-body", null);
        for (int i : new int[] {0, 5}) {
            given().get(items.get(i).get("location").asText()).then().statusCode(200);
        }
        assertEquals(2L, articlesInCategory(category));
    }

    private static void assertProblem(JsonNode item, String type, String field) {
        JsonNode problem = item.get("problem");
        assertEquals("urn:newsdesk:problem:" + type, problem.get("type").asText(), item.toString());
        assertEquals(400, problem.get("status").asInt());
        assertTrue(problem.get("detail").asText().length() > 10);
        assertNull(item.get("id"));
        assertNull(item.get("location"));
        if (field != null) {
            assertEquals(field, problem.get("errors").get(0).get("field").asText(), item.toString());
        }
    }

    @Test
    void shouldWriteNothingAndReportEveryLineWhenNoneIsGood() throws Exception {
        String category = newCategory();
        Map<String, Object> unknownSource =
                article(category, "no-such-source-" + uniqueSlug("x"), "2026-04-02T10:00:00Z");

        Response answer = bulk().body(lines(List.of(unknownSource, "{}"))).post("/v1/articles");

        assertEquals(200, answer.statusCode(), answer.asString());
        JsonNode report = JSON.readTree(answer.asByteArray());
        assertEquals(0, report.get("created").asInt());
        assertEquals(2, report.get("failed").asInt());
        assertProblem(report.get("items").get(0), "invalid-body", "source");
        assertEquals(0L, articlesInCategory(category));
    }

    @Test
    void shouldAnswerARetryWithTheSameIdempotencyKeyWithTheSameReportAndWriteOnce() {
        String category = newCategory();
        byte[] body = lines(articles(category, newSource(), 3));
        String key = UUID.randomUUID().toString();

        Response first = bulk().header("Idempotency-Key", key).body(body).post("/v1/articles");
        Response retry = bulk().header("Idempotency-Key", key).body(body).post("/v1/articles");

        assertEquals(200, first.statusCode(), first.asString());
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals(200, retry.statusCode(), retry.asString());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertArrayEquals(first.asByteArray(), retry.asByteArray());
        assertEquals(3L, articlesInCategory(category));
        byte[] other = lines(articles(category, newSource(), 1));
        problem(bulk().header("Idempotency-Key", key).body(other).post("/v1/articles"), 422, "idempotency-key-reused");
        assertEquals(3L, articlesInCategory(category));
    }

    @Test
    void shouldRefuseMoreArticlesThanOneImportTakesAndWriteNone() {
        String category = newCategory();
        byte[] body = lines(articles(category, newSource(), 1001));

        JsonPath problem = problem(bulk().body(body).post("/v1/articles"), 413, "payload-too-large");

        assertTrue(problem.getString("detail").contains("at most 1000"), problem.getString("detail"));
        assertEquals(0L, articlesInCategory(category));
    }

    @Test
    void shouldRefuseABodyWithoutArticles() {
        problem(bulk().body("\n  \n\r\n".getBytes(StandardCharsets.UTF_8)).post("/v1/articles"), 400, "malformed-body");
    }

    @Test
    void shouldPointAJsonArrayToNdjson() {
        String category = newCategory();
        Response answer = editor().body(articles(category, newSource(), 2)).post("/v1/articles");

        JsonPath problem = problem(answer, 400, "malformed-body");

        assertTrue(problem.getString("detail").contains("application/x-ndjson"), problem.getString("detail"));
        assertEquals(0L, articlesInCategory(category));
    }

    @Test
    void shouldRefuseAnImportWithoutAnEditorKey() {
        String category = newCategory();
        byte[] body = lines(articles(category, newSource(), 2));

        Response anonymous = given().contentType(NDJSON).body(body).post("/v1/articles");
        Response wrong = given().header("Authorization", "Bearer not-a-key-0123456789abcdef0123456789")
                .contentType(NDJSON)
                .body(body)
                .post("/v1/articles");

        problem(anonymous, 401);
        assertTrue(anonymous.header("WWW-Authenticate").startsWith("Bearer"));
        problem(wrong, 401);
        assertEquals(0L, articlesInCategory(category));
    }

    @Test
    void shouldRefuseOtherMediaTypesWith415() {
        problem(
                given().header("Authorization", "Bearer " + EDITOR_KEY)
                        .contentType("text/csv")
                        .body("title,summary\n")
                        .post("/v1/articles"),
                415);
    }

    @Test
    void shouldKeepAnEmbargoedLineFromThePublicUntilItsTime() throws Exception {
        String category = newCategory();
        Map<String, Object> embargoed = article(category, newSource(), "2999-01-01T00:00:00Z");

        JsonNode report = JSON.readTree(
                bulk().body(lines(List.of(embargoed))).post("/v1/articles").asByteArray());

        String location = report.get("items").get(0).get("location").asText();
        problem(given().get(location), 404, "not-found");
        given().header("Authorization", "Bearer " + EDITOR_KEY)
                .get(location)
                .then()
                .statusCode(200);
        assertEquals(0L, articlesInCategory(category));
    }
}
