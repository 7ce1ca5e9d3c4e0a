package io.newsdesk.problem;

import static io.newsdesk.problem.ProblemAssert.assertNoLeak;
import static io.newsdesk.problem.ProblemAssert.problem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Errors the HTTP layer raises are problems too, and no answer shows internals. */
@QuarkusTest
class HttpErrorsTest extends ApiTest {

    @ParameterizedTest
    @ValueSource(strings = {"/v1/nope", "/nope", "/v2/articles", "/v1/articles/1/nope", "/v1/categories/a/b"})
    void shouldAnswer404ProblemForUnknownPath(String path) {
        JsonPath body = problem(given().get(path), 404);

        assertEquals("about:blank", body.getString("type"));
        problem(editor().body("{}").post(path), 404);
    }

    @Test
    void shouldAnswer405ProblemWithAllowHeaderForUnsupportedMethod() {
        Response collection =
                given().header("Authorization", "Bearer " + EDITOR_KEY).patch("/v1/articles");
        problem(collection, 405);
        assertEquals("GET, HEAD, POST", collection.header("Allow"));

        Response item = editor().body("{}").patch("/v1/articles/1");
        problem(item, 405);
        assertEquals("GET, HEAD, PUT, DELETE", item.header("Allow"));

        Response views = given().get("/v1/articles/1/views");
        problem(views, 405);
        assertEquals("POST", views.header("Allow"));

        Response dates = editor().delete("/v1/dates");
        problem(dates, 405);
        assertEquals("GET, HEAD", dates.header("Allow"));
    }

    @Test
    void shouldAnswer406ProblemListingJsonForAcceptNobodyServes() {
        for (String path : List.of("/v1/articles", "/v1/dates", "/v1/categories", "/v1/sources")) {
            JsonPath body = problem(given().accept("image/png").get(path), 406, "not-acceptable");
            assertTrue(body.getString("detail").contains("application/json"), body.getString("detail"));
        }
        problem(given().accept("application/json;q=0, image/png").get("/v1/articles"), 406, "not-acceptable");
        given().accept("image/png, application/json;q=0.1")
                .get("/v1/articles")
                .then()
                .statusCode(200)
                .contentType("application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {";", ";;;", ",", " ; , ; ", "/", "*/json", "application/json;q=abc", "text/;q=1"})
    void shouldSkipMalformedAcceptRangesAndAnswerJson(String accept) {
        for (String path : List.of("/v1/articles", "/v1/dates", "/v1/categories", "/v1/sources")) {
            Response response = given().header("Accept", accept).get(path);
            assertEquals(200, response.statusCode(), path + " " + response.asString());
            assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "HTML", "pdf", "json ", "JSON", "json,xml"})
    void shouldAnswer400ForUnknownFormat(String format) {
        JsonPath body = problem(given().queryParam("format", format).get("/v1/articles"), 400, "invalid-parameter");

        assertEquals("format", body.getString("errors[0].field"));
        problem(given().queryParam("format", format).get("/v1/dates"), 400, "invalid-parameter");
    }

    @Test
    void shouldAnswer414ProblemForRequestTargetOverTheLimit() {
        String q = "a".repeat(8_200);

        problem(given().queryParam("q", q).get("/v1/articles"), 414);
        problem(given().queryParam("q", q).get("/v1/dates"), 414);
        problem(
                given().queryParam("q", "a".repeat(8_192 - "/v1/articles?q=".length() + 1))
                        .get("/v1/articles"),
                414);
        problem(given().queryParam("q", "a".repeat(300)).get("/v1/articles"), 400, "invalid-parameter");
    }

    @Test
    void shouldAnswer431ProblemForRequestHeadersOverTheLimit() {
        JsonPath one = problem(given().header("X-Padding", "p".repeat(20_480)).get("/v1/articles"), 431);
        assertEquals("about:blank", one.getString("type"));
        assertTrue(one.getString("detail").contains("20480"), one.getString("detail"));
        // many headers that are each small add up; a write is refused before its key or body is looked at
        var many = editor().body(Map.of("slug", uniqueSlug("big"), "name", "Big"));
        for (int i = 0; i < 40; i++) {
            many.header("X-Padding-" + i, "p".repeat(600));
        }
        problem(many.post("/v1/categories"), 431);
        problem(given().header("Cookie", "session=" + "c".repeat(30_000)).get("/v1/dates"), 431);
        problem(given().header("X-Padding", "p".repeat(40_000)).get("/nope"), 431);

        given().header("X-Padding", "p".repeat(19_000))
                .get("/v1/articles")
                .then()
                .statusCode(200);
        editor().header("X-Padding", "p".repeat(19_000))
                .body(Map.of("slug", uniqueSlug("big"), "name", "Big"))
                .post("/v1/categories")
                .then()
                .statusCode(201);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "abc",
                "-1",
                "0",
                "99999999999999999999",
                "9223372036854775808",
                "1.5",
                "1e3",
                "+1",
                "0x10",
                "%20",
                "%E2%82%AC"
            })
    void shouldAnswer404ProblemForIdsThatAreNotPositiveInt64(String id) {
        Map<String, Object> body = article(newCategory(), newSource(), "2026-10-01T10:00:00Z");

        problem(given().urlEncodingEnabled(false).get("/v1/articles/" + id), 404, "not-found");
        problem(editor().urlEncodingEnabled(false).body(body).put("/v1/articles/" + id), 404, "not-found");
        problem(editor().urlEncodingEnabled(false).delete("/v1/articles/" + id), 404, "not-found");
        problem(given().urlEncodingEnabled(false).post("/v1/articles/" + id + "/views"), 404, "not-found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%00", "a%00b", "%1B", "Upper", "with%20space", "%F0%9F%98%80", "a--b", "%C3"})
    void shouldAnswer404ProblemForPathSlugsThatCannotExist(String slug) {
        String category = "{\"slug\":\"" + uniqueSlug("c") + "\",\"name\":\"n\"}";
        String source = "{\"slug\":\"" + uniqueSlug("s") + "\",\"name\":\"n\",\"url\":\"https://n.example/\"}";
        for (String collection : List.of("categories", "sources")) {
            String path = "/v1/" + collection + "/" + slug;
            problem(given().urlEncodingEnabled(false).get(path), 404, "not-found");
            problem(
                    editor().urlEncodingEnabled(false)
                            .body(collection.equals("sources") ? source : category)
                            .put(path),
                    404,
                    "not-found");
            problem(editor().urlEncodingEnabled(false).delete(path), 404, "not-found");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "+999999999-12-31",
                "-999999999-01-01",
                "+10000-01-01",
                "99999-01-01",
                "2026-1-1",
                "2026-02-30",
                "20260101"
            })
    void shouldAnswer400ForDatesOutsideYyyyMmDd(String date) {
        problem(given().queryParam("date", date).get("/v1/articles"), 400, "invalid-parameter");
        problem(given().queryParam("date", date).get("/v1/dates"), 400, "invalid-parameter");
    }

    @Test
    void shouldSendNosniffOnSuccessesAndErrors() {
        String category = newCategory();
        long id = newArticle(category, newSource(), "2026-10-02T10:00:00Z");
        List<Response> responses = List.of(
                given().get("/v1/articles"),
                given().get("/v1/articles/" + id),
                given().get("/v1/categories"),
                given().get("/v1/dates"),
                given().get("/v1/sources"),
                given().post("/v1/articles/" + id + "/views"),
                given().get("/nope"),
                given().queryParam("limit", 0).get("/v1/articles"),
                editor().body("[]").post("/v1/categories"),
                given().delete("/v1/articles/" + id),
                editor().delete("/v1/articles/" + id));

        for (Response response : responses) {
            assertEquals("nosniff", response.header("X-Content-Type-Options"), response.asString());
        }
        assertEquals(204, responses.get(responses.size() - 1).statusCode());
    }

    @Test
    void shouldAnswerAnUnexpectedFailureWith500ProblemShowingNothingOfIt() {
        Response response = given().noFilters()
                .header("Authorization", "Bearer " + EDITOR_KEY)
                .get(FailingResource.PATH);

        JsonPath body = problem(response, 500);
        assertEquals("about:blank", body.getString("type"));
        for (String internal : List.of(
                FailingResource.SECRET_MESSAGE, "IllegalState", "insert into", "Failing", "test-only", EDITOR_KEY)) {
            assertTrue(
                    !body.getString("detail").contains(internal)
                            && !body.getString("title").contains(internal),
                    internal + " in " + response.asString());
        }
    }

    @Test
    void shouldNeverShowExceptionsSqlOrStackFramesInBodies() {
        String category = newCategory();
        List<Response> responses = List.of(
                given().queryParam("q", "' OR 1=1; DROP TABLE article; --").get("/v1/articles"),
                given().queryParam("q", "%_\\").get("/v1/dates"),
                given().queryParam("category", "drop-table").get("/v1/articles"),
                given().queryParam("cursor", "AAAA").get("/v1/articles"),
                given().queryParam("from", "2026-01-02")
                        .queryParam("to", "2026-01-01")
                        .get("/v1/articles"),
                editor().body("{\"title\": ").post("/v1/articles"),
                editor().body("[".repeat(5_000)).post("/v1/categories"),
                editor().body("{\"slug\": \"" + category + "\", \"name\": 1e999999}")
                        .post("/v1/categories"),
                editor().body(Map.of("slug", category, "name", "x")).post("/v1/categories"),
                given().get("/v1/articles/" + Long.MAX_VALUE));

        for (Response response : responses) {
            assertTrue(response.statusCode() < 500, response.asString());
            assertNoLeak(response.asString());
            if (response.statusCode() >= 400) {
                problem(response, response.statusCode());
            }
        }
        assertEquals(
                List.of(200, 200, 404, 400, 400, 400, 400, 400, 409, 404),
                responses.stream().map(Response::statusCode).toList());
    }
}
