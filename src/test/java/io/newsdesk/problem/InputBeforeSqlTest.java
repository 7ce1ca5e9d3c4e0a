package io.newsdesk.problem;

import static io.newsdesk.problem.ProblemAssert.problem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.newsdesk.ApiTest;
import io.newsdesk.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Slugs and ids that cannot exist are refused before any SQL runs: watched through Hibernate's statement log
 * (turned on for the test only), a malformed slug or id in a path is a 404 problem and in a filter a 400,
 * and no statement was sent for it. A well-formed unknown slug, which does query, shows that the watch works.
 */
@QuarkusTest
class InputBeforeSqlTest extends ApiTest {

    /** Every request a slug reaches, with the status a malformed one gets. */
    private static Map<String, Supplier<Response>> requests(String slug) {
        String category = "{\"slug\":\"" + uniqueSlug("c") + "\",\"name\":\"n\"}";
        String source = "{\"slug\":\"" + uniqueSlug("s") + "\",\"name\":\"n\",\"url\":\"https://n.example/\"}";
        String encoded = FuzzInputs.encode(slug).replace("+", "%20");
        Map<String, Supplier<Response>> requests = new java.util.LinkedHashMap<>();
        for (String collection : List.of("categories", "sources")) {
            String path = "/v1/" + collection + "/" + encoded;
            requests.put(
                    "404 GET " + collection,
                    () -> given().urlEncodingEnabled(false).get(path));
            requests.put(
                    "404 PUT " + collection,
                    () -> editor().urlEncodingEnabled(false)
                            .body(collection.equals("sources") ? source : category)
                            .put(path));
            requests.put(
                    "404 DELETE " + collection,
                    () -> editor().urlEncodingEnabled(false).delete(path));
        }
        for (String parameter : List.of("category", "source")) {
            requests.put(
                    "400 articles?" + parameter,
                    () -> given().urlEncodingEnabled(false).get("/v1/articles?" + parameter + "=" + encoded));
            requests.put(
                    "400 dates?" + parameter,
                    () -> given().urlEncodingEnabled(false).get("/v1/dates?" + parameter + "=" + encoded));
            requests.put(
                    "400 articles?" + parameter + " among good ones",
                    () -> given().urlEncodingEnabled(false)
                            .get("/v1/articles?" + parameter + "=world&" + parameter + "=" + encoded + "&format=rss"));
        }
        return requests;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "LONG",
                "HUGE",
                "UPPER",
                "under_score",
                "a--b",
                "-a",
                "a-",
                "with space",
                "' OR '1'='1",
                "x'; DROP TABLE category; --",
                "x\" or \"1\"=\"1",
                "%",
                "a%b",
                "_",
                "*",
                "x\\",
                "(select 1)",
                "ｐｂｓ",
                "pbs\u0301",
                "café",
                "😀",
                "\u0000",
                "a\u0000b",
                "\u202Eabc"
            })
    void shouldRefuseMalformedSlugsBeforeAnyQuery(String slug) {
        // well-formed but too long: 101 and 5000 characters (slugs are at most 100)
        String tested = switch (slug) {
            case "LONG" -> "long-slug-".repeat(10) + "x";
            case "HUGE" -> "x".repeat(5_000);
            default -> slug;
        };
        for (Map.Entry<String, Supplier<Response>> request : requests(tested).entrySet()) {
            int status = Integer.parseInt(request.getKey().substring(0, 3));
            List<LogCapture.Line> statements =
                    statementsDuring(request.getValue(), status, status == 400 ? "invalid-parameter" : "not-found");
            assertEquals(List.of(), statements, request.getKey() + " with '" + tested + "'");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "abc",
                "0",
                "-1",
                "1.5",
                "1e3",
                "+1",
                "0x1F",
                "99999999999999999999",
                "9223372036854775808",
                "1;DROP TABLE article",
                "1 OR 1=1",
                "%C2%B9",
                "%D9%A1",
                "%EF%BC%91"
            })
    void shouldRefuseMalformedArticleIdsBeforeAnyQuery(String id) {
        String path = "/v1/articles/" + id.replace(" ", "%20").replace(";", "%3B");
        for (Supplier<Response> request : List.<Supplier<Response>>of(
                () -> given().urlEncodingEnabled(false).get(path),
                () -> editor().urlEncodingEnabled(false)
                        .body(article("a", "b", "2026-10-01T10:00:00Z"))
                        .put(path),
                () -> editor().urlEncodingEnabled(false).delete(path),
                () -> given().urlEncodingEnabled(false).post(path + "/views"))) {
            assertEquals(List.of(), statementsDuring(request, 404, "not-found"), path);
        }
    }

    @org.junit.jupiter.api.Test
    void shouldEchoAMalformedPathSlugShortAndPrintable() {
        for (String collection : List.of("categories", "sources")) {
            String detail = problem(
                            given().urlEncodingEnabled(false)
                                    .get("/v1/" + collection + "/" + "x".repeat(5_000) + "%1B%E2%80%AE"),
                            404,
                            "not-found")
                    .getString("detail");
            assertFalse(detail.length() > 200 || detail.contains("\u001B"), detail);
        }
    }

    @org.junit.jupiter.api.Test
    void shouldSeeTheQueriesOfWellFormedUnknownSlugsAndIds() {
        String slug = uniqueSlug("unknown");
        assertFalse(statementsDuring(() -> given().get("/v1/categories/" + slug), 404, "not-found")
                .isEmpty());
        assertFalse(statementsDuring(() -> given().get("/v1/sources/" + slug), 404, "not-found")
                .isEmpty());
        assertFalse(statementsDuring(() -> given().get("/v1/articles?category=" + slug), 404, "unknown-slug")
                .isEmpty());
        assertFalse(statementsDuring(() -> given().get("/v1/articles/987654321987"), 404, "not-found")
                .isEmpty());
    }

    /** The SQL statements request threads sent while this request ran; asserts its problem. */
    private static List<LogCapture.Line> statementsDuring(Supplier<Response> request, int status, String type) {
        try (LogCapture logs = LogCapture.start(Map.of("org.hibernate.SQL", Level.FINE))) {
            problem(request.get(), status, type);
            return logs.lines().stream()
                    .filter(line -> line.logger().equals("org.hibernate.SQL"))
                    // request threads only: the instance's own background threads (the change-log sequencer,
                    // the change streams) are named newsdesk-* and query on their own schedule
                    .filter(line -> !line.thread().startsWith("main")
                            && !line.thread().startsWith("newsdesk-")
                            && !line.text().contains("content_change"))
                    .toList();
        }
    }
}
