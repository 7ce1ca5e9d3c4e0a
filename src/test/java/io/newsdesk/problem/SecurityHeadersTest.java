package io.newsdesk.problem;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * {@code X-Content-Type-Options: nosniff} on every kind of answer: successes, 304, every 4xx and 5xx problem
 * (the resources', the JAX-RS layer's and the Vert.x guards'), the management endpoints under /q and CORS
 * preflights. Each case also checks the status, so a case that stops producing its answer fails loudly.
 */
@QuarkusTest
class SecurityHeadersTest extends ApiTest {

    private static String category;
    private static String source;
    private static long article;
    private static String etag;

    /** Made on first use: a static @BeforeAll may run before the application listens. */
    private static void fixture() {
        if (category != null) {
            return;
        }
        category = newCategory();
        source = newSource();
        article = newArticle(category, source, "2026-10-05T10:00:00Z");
    }

    static Stream<Arguments> answers() {
        Map<String, Supplier<Response>> cases = new java.util.LinkedHashMap<>();
        cases.put("200 list", () -> given().get("/v1/articles?category=" + category));
        cases.put("200 rss", () -> given().get("/v1/articles?format=rss&category=" + category));
        cases.put("200 csv", () -> given().get("/v1/articles?format=csv&category=" + category));
        cases.put("200 article", () -> given().get("/v1/articles/" + article));
        cases.put("200 HEAD", () -> given().head("/v1/categories/" + category));
        cases.put("200 views", () -> given().post("/v1/articles/" + article + "/views"));
        cases.put("304", () -> given().header("If-None-Match", etag()).get("/v1/sources/" + source));
        cases.put(
                "201",
                () -> editor().body(Map.of("slug", uniqueSlug("h"), "name", "H"))
                        .post("/v1/categories"));
        cases.put("204", () -> editor().delete("/v1/categories/" + newCategory()));
        cases.put("400 parameter", () -> given().get("/v1/articles?limit=0"));
        cases.put("400 body", () -> editor().body("{").post("/v1/categories"));
        cases.put("401", () -> given().delete("/v1/categories/" + category));
        cases.put("404 resource", () -> given().get("/v1/articles/999999999999"));
        cases.put("404 unknown path", () -> given().get("/nowhere"));
        cases.put("405", () -> given().patch("/v1/articles"));
        cases.put("406", () -> given().accept("image/png").get("/v1/articles"));
        cases.put("409", () -> editor().delete("/v1/categories/" + category));
        cases.put("412", () -> editor().header("If-Match", "\"stale\"").delete("/v1/articles/" + article));
        cases.put("413", () -> editor().body("x".repeat(1_048_577)).post("/v1/categories"));
        cases.put("414", () -> given().get("/v1/articles?q=" + "a".repeat(8_200)));
        cases.put(
                "415",
                () -> given().header("Authorization", "Bearer " + EDITOR_KEY)
                        .body("{}")
                        .post("/v1/categories"));
        cases.put("431", () -> given().header("X-Padding", "p".repeat(21_000)).get("/v1/articles"));
        cases.put("500", () -> given().noFilters().get(FailingResource.PATH));
        cases.put("/q/health", () -> given().noFilters().get("/q/health"));
        cases.put("/q/health/live", () -> given().get("/q/health/live"));
        cases.put("/q/health/ready", () -> given().get("/q/health/ready"));
        cases.put("/q/metrics", () -> given().noFilters().get("/q/metrics"));
        cases.put("/q/openapi", () -> given().noFilters().get("/q/openapi"));
        cases.put(
                "OPTIONS preflight read",
                () -> given().noFilters()
                        .header("Origin", "https://reader.example")
                        .header("Access-Control-Request-Method", "GET")
                        .options("/v1/articles"));
        cases.put(
                "OPTIONS preflight write",
                () -> given().noFilters()
                        .header("Origin", "https://evil.example")
                        .header("Access-Control-Request-Method", "DELETE")
                        .options("/v1/categories/x"));
        cases.put("OPTIONS plain", () -> given().noFilters().options("/v1/articles"));
        cases.put(
                "CORS read",
                () -> given().header("Origin", "https://reader.example").get("/v1/dates"));
        List<Integer> statuses = List.of(
                200, 200, 200, 200, 200, 200, 304, 201, 204, 400, 400, 401, 404, 404, 405, 406, 409, 412, 413, 414, 415,
                431, 500, 200, 200, 200, 200, 200, 204, 204, -1, 200);
        List<String> names = List.copyOf(cases.keySet());
        return java.util.stream.IntStream.range(0, names.size())
                .mapToObj(i -> Arguments.of(names.get(i), statuses.get(i), cases.get(names.get(i))));
    }

    private static String etag() {
        if (etag == null) {
            etag = given().get("/v1/sources/" + source)
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("ETag");
        }
        return etag;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void shouldSendNosniffOnEveryAnswer(String name, int status, Supplier<Response> request) {
        fixture();
        Response response = request.get();

        if (status > 0) {
            assertEquals(status, response.statusCode(), name + ": " + response.asString());
        }
        assertEquals("nosniff", response.header("X-Content-Type-Options"), name);
        assertFalse(response.headers().getValues("X-Content-Type-Options").size() > 1, name + ": sent twice");
    }
}
