package io.newsdesk.problem;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Seeded random requests against reads and writes (with the editor key). Whatever comes in: never a 5xx,
 * every 4xx a problem+json whose status is the HTTP status, no internals (stack frames, SQL, editor keys) in
 * any body; and, through {@link ApiTest}, every answer as openapi.yaml documents it. A failure names the request, so it can be replayed.
 */
@QuarkusTest
class FuzzTest extends ApiTest {

    private static final long SEED = 20_261_125L;
    private static final int REQUESTS = 400;
    private static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "application/json; charset=UTF-8",
            "text/plain",
            "application/xml",
            "text/json",
            "application/*",
            "*/*",
            "");
    private static final List<String> ACCEPTS = List.of(
            "*/*",
            "application/json",
            "text/html",
            "application/*;q=0",
            "application/json;q=abc",
            ";;;",
            "text/*, */*;q=0.1",
            "application/problem+json");

    private record Request(String method, String path, String body, String contentType, String accept, boolean key) {

        @Override
        public String toString() {
            String shownBody = body == null ? "-" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
            String shownPath = path.length() > 300 ? path.substring(0, 300) + "…" : path;
            return method + " " + shownPath + " [" + contentType + "] [Accept " + accept + "] key=" + key + " body="
                    + shownBody;
        }
    }

    @Test
    void shouldAnswerRandomRequestsWithoutServerErrorAndWithProblemsForClientErrors() {
        String category = newCategory();
        String source = newSource();
        long article = newArticle(category, source, "2026-11-20T10:00:00Z");
        newArticle(category, source, "2026-11-21T10:00:00Z");
        String next = given().queryParam("category", category)
                .queryParam("limit", 1)
                .get("/v1/articles")
                .jsonPath()
                .getString("next");
        String cursor =
                next.substring(next.indexOf("cursor=") + "cursor=".length()).replaceAll("&.*", "");
        List<String> slugs = List.of(category, source, uniqueSlug("fz"), "a", "x".repeat(101));
        List<String> queryValues = List.of(
                category,
                source,
                "politics-and-government",
                "pbs",
                cursor,
                cursor.substring(1),
                cursor + "A",
                "2026-11-20",
                "2026-11-21T00:00:00Z");
        List<String> ids =
                List.of(Long.toString(article), "999999999999", "0", "-1", "abc", "99999999999999999999", "1.5");
        FuzzInputs inputs = new FuzzInputs(new Random(SEED));
        Map<Integer, Integer> statuses = new TreeMap<>();

        assertTimeout(Duration.ofMinutes(2), () -> {
            for (int i = 0; i < REQUESTS; i++) {
                Request request = next(inputs, slugs, queryValues, ids, category, source, article);
                Response response = send(request);
                check(i, request, response);
                statuses.merge(response.statusCode(), 1, Integer::sum);
            }
        });

        assertTrue(statuses.keySet().stream().anyMatch(s -> s < 300), "some requests succeed: " + statuses);
        assertTrue(statuses.getOrDefault(400, 0) > REQUESTS / 10, "many are refused: " + statuses);
    }

    private static Request next(
            FuzzInputs in,
            List<String> slugs,
            List<String> queryValues,
            List<String> ids,
            String category,
            String source,
            long article) {
        String accept = in.chance(10) ? in.pick(ACCEPTS) : null;
        String type = in.chance(8) ? in.pick(CONTENT_TYPES) : "application/json";
        return switch (in.between(0, 13)) {
            case 0, 1, 2 -> new Request("GET", "/v1/articles" + in.query(queryValues), null, null, accept, false);
            case 3 -> new Request("GET", "/v1/dates" + in.query(queryValues), null, null, accept, false);
            case 4 ->
                new Request(
                        "GET",
                        "/v1/" + in.pick(List.of("articles/", "categories/", "sources/"))
                                + in.segment(in.chance(50) ? ids : slugs),
                        null,
                        null,
                        accept,
                        false);
            case 5 -> new Request("POST", "/v1/articles/" + in.segment(ids) + "/views", null, null, accept, false);
            case 6, 7 ->
                new Request("POST", "/v1/articles", in.body(FuzzInputs.ARTICLE_FIELDS, slugs), type, null, true);
            case 8 ->
                new Request(
                        "PUT",
                        "/v1/articles/" + (in.chance(70) ? Long.toString(article) : in.segment(ids)),
                        in.body(FuzzInputs.ARTICLE_FIELDS, slugs),
                        type,
                        null,
                        true);
            case 9 ->
                new Request("POST", "/v1/categories", in.body(FuzzInputs.CATEGORY_FIELDS, slugs), type, null, true);
            case 10 ->
                new Request(
                        "PUT",
                        "/v1/categories/" + (in.chance(60) ? category : in.segment(slugs)),
                        in.body(FuzzInputs.CATEGORY_FIELDS, slugs),
                        type,
                        null,
                        true);
            case 11 -> new Request("POST", "/v1/sources", in.body(FuzzInputs.SOURCE_FIELDS, slugs), type, null, true);
            case 12 ->
                new Request(
                        "PUT",
                        "/v1/sources/" + (in.chance(60) ? source : in.segment(slugs)),
                        in.body(FuzzInputs.SOURCE_FIELDS, slugs),
                        type,
                        null,
                        true);
            default ->
                new Request(
                        in.pick(List.of("DELETE", "PATCH")),
                        "/v1/" + in.pick(List.of("articles/", "categories/", "sources/"))
                                + in.segment(List.of("999999999999", "abc", uniqueSlug("fz-gone"))),
                        null,
                        null,
                        null,
                        in.chance(80));
        };
    }

    private static Response send(Request request) {
        RequestSpecification spec = given().urlEncodingEnabled(false);
        if (request.key()) {
            spec.header("Authorization", "Bearer " + EDITOR_KEY);
        } else if (!request.method().equals("GET")) {
            // a near miss, and the right key where no key is read: neither may show up in any answer (LEAKS)
            spec.header("Authorization", "Bearer " + EDITOR_KEY + "-x").header("X-Api-Key", EDITOR_KEY);
        }
        if (request.accept() != null) {
            spec.header("Accept", request.accept());
        }
        if (request.body() != null) {
            if (!request.contentType().isEmpty()) {
                spec.contentType(request.contentType());
            }
            spec.body(request.body().getBytes(StandardCharsets.UTF_8));
        }
        try {
            return spec.request(request.method(), request.path());
        } catch (RuntimeException e) {
            throw new AssertionError("contract or client failure for " + request + " (seed " + SEED + ")", e);
        }
    }

    private static void check(int index, Request request, Response response) {
        int status = response.statusCode();
        String body = response.asString();
        String context = "request #" + index + " (seed " + SEED + "): " + request + "\n-> " + status + " " + body;
        if (status >= 500) {
            fail("server error for " + context);
        }
        assertEquals("nosniff", response.header("X-Content-Type-Options"), context);
        for (String leak : ProblemAssert.LEAKS) {
            String sent = request.path() + (request.body() == null ? "" : request.body());
            assertFalse(body.contains(leak) && !sent.contains(leak), "body shows '" + leak + "': " + context);
        }
        if (status < 400) {
            return;
        }
        assertNotNull(response.contentType(), context);
        assertTrue(response.contentType().startsWith("application/problem+json"), context);
        JsonPath problem = response.jsonPath();
        for (String member : List.of("type", "title", "detail")) {
            Object value = problem.get(member);
            assertTrue(value instanceof String text && !text.isBlank(), member + " in " + context);
        }
        assertEquals(Integer.valueOf(status), problem.get("status"), context);
    }
}
