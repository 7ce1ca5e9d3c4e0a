package io.newsdesk.problem;

import static io.newsdesk.problem.ProblemAssert.problem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** What a write does with a body that is not one JSON object: 400, 413 or 415 problems, and nothing written. */
@QuarkusTest
class BodyFormatTest extends ApiTest {

    /** The writes with a body, sent to a fresh fixture. */
    enum Target {
        CREATE_ARTICLE,
        REPLACE_ARTICLE,
        CREATE_CATEGORY,
        REPLACE_CATEGORY,
        CREATE_SOURCE,
        REPLACE_SOURCE
    }

    record Fixture(String category, String source, long article) {

        static Fixture create() {
            String category = newCategory();
            String source = newSource();
            return new Fixture(category, source, newArticle(category, source, "2026-09-01T10:00:00Z"));
        }

        Response send(Target target, RequestSpecification request) {
            return switch (target) {
                case CREATE_ARTICLE -> request.post("/v1/articles");
                case REPLACE_ARTICLE -> request.put("/v1/articles/" + article);
                case CREATE_CATEGORY -> request.post("/v1/categories");
                case REPLACE_CATEGORY -> request.put("/v1/categories/" + category);
                case CREATE_SOURCE -> request.post("/v1/sources");
                case REPLACE_SOURCE -> request.put("/v1/sources/" + source);
            };
        }

        /** The fixture as read. */
        List<Object> state() {
            return List.of(
                    given().get("/v1/articles/" + article).jsonPath().getMap(""),
                    given().get("/v1/categories/" + category).jsonPath().getMap(""),
                    given().get("/v1/sources/" + source).jsonPath().getMap(""));
        }
    }

    /** A fresh fixture for each target, made before anything is counted. */
    private static Map<Target, Fixture> fixtures() {
        Map<Target, Fixture> fixtures = new EnumMap<>(Target.class);
        for (Target target : Target.values()) {
            fixtures.put(target, Fixture.create());
        }
        return fixtures;
    }

    /** How many categories and sources exist: a refused create must not add one. */
    private static List<Integer> totals() {
        return List.of(
                given().get("/v1/categories").jsonPath().getList("items").size(),
                given().get("/v1/sources").jsonPath().getList("items").size());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"slug\": \"x\",",
                "{bad json}",
                "",
                "   ",
                "[]",
                "[{\"slug\":\"x\",\"name\":\"y\"}]",
                "\"just a string\"",
                "42",
                "true",
                "null",
                "{\"slug\":\"a\",\"slug\":\"b\",\"name\":\"dup\"}",
                "{\"name\":\"x\"} trailing",
                "{'single':'quotes'}",
                "\uFEFF{}x",
                "{\"a\":1}{\"b\":2}"
            })
    void shouldAnswerMalformedBodyProblemAndWriteNothing(String body) {
        Map<Target, Fixture> fixtures = fixtures();
        List<Integer> totals = totals();
        for (Target target : Target.values()) {
            Fixture fixture = fixtures.get(target);
            List<Object> before = fixture.state();

            Response response = fixture.send(target, editor().body(body.getBytes(StandardCharsets.UTF_8)));

            problem(response, 400, "malformed-body");
            assertEquals(before, fixture.state(), target.name());
        }
        assertEquals(totals, totals(), "no category or source was added");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "text/plain",
                "application/xml",
                "text/html",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/jsonx",
                "text/json"
            })
    void shouldAnswer415ProblemForNonJsonContentType(String contentType) {
        String json = "{\"slug\":\"" + uniqueSlug("media") + "\",\"name\":\"y\",\"url\":\"https://y.example/\"}";
        for (Target target : Target.values()) {
            Fixture fixture = Fixture.create();
            List<Object> before = fixture.state();
            RequestSpecification request =
                    given().header("Authorization", "Bearer " + EDITOR_KEY).contentType(contentType);
            // RestAssured sends a form body only from a String, and other unknown types only from bytes
            if (contentType.startsWith("application/x-www-form-urlencoded")) {
                request.body(json);
            } else {
                request.body(json.getBytes(StandardCharsets.UTF_8));
            }

            problem(fixture.send(target, request), 415);

            assertEquals(before, fixture.state(), target + " " + contentType);
        }
    }

    @Test
    void shouldAnswer413ProblemForBodyOverOneMebibyteAndWriteNothing() {
        Map<Target, Fixture> fixtures = fixtures();
        List<Integer> totals = totals();
        for (Target target : Target.values()) {
            Fixture fixture = fixtures.get(target);
            List<Object> before = fixture.state();

            Response response = fixture.send(target, editor().body(oversized(fixture, 1_048_577)));

            problem(response, 413, "payload-too-large");
            assertEquals(before, fixture.state(), target.name());
        }
        assertEquals(totals, totals(), "no category or source was added");
    }

    /** A valid article body whose content is padded so that the whole body has exactly {@code size} bytes. */
    private static byte[] oversized(Fixture fixture, int size) {
        Map<String, Object> body = article(fixture.category(), fixture.source(), "2026-09-02T10:00:00Z");
        body.put("content", "");
        String template = toJson(body);
        byte[] bytes = template.replace(
                        "\"content\":\"\"", "\"content\":\"" + "a".repeat(size - template.length()) + "\"")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(size, bytes.length, "body size");
        return bytes;
    }

    private static String toJson(Map<String, Object> body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
