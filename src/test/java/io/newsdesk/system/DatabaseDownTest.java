package io.newsdesk.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.newsdesk.ApiTest;
import io.newsdesk.problem.ProblemAssert;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * PostgreSQL cannot be reached (a closed port): the instance still starts, liveness stays up, readiness is
 * 503 naming the datasource check DOWN, and every request that needs the database is a fast 503 problem with
 * Retry-After, never a 500 or a hang. Forces the "pg" datasource itself, so it runs the same on the H2 and
 * the PostgreSQL CI runs.
 */
@QuarkusTest
@TestProfile(DatabaseDownTest.Unreachable.class)
class DatabaseDownTest extends ApiTest {

    /**
     * The documented bound is the acquisition timeout (3 s); a refused connection answers in about 1 s (the
     * pool tries twice). The slack is for a loaded CI machine; a hang (socket timeout 30 s, or none) fails.
     */
    private static final long BOUND_MILLIS = 3_000 + 7_000;

    public static class Unreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("quarkus.datasource.pg.active", "true"),
                    Map.entry("quarkus.datasource.h2.active", "false"),
                    Map.entry("quarkus.datasource.pg.jdbc.url", "jdbc:postgresql://127.0.0.1:1/newsdesk"),
                    Map.entry("quarkus.flyway.pg.migrate-at-start", "false"),
                    Map.entry("quarkus.flyway.pg.clean-at-start", "false"),
                    Map.entry("newsdesk.demo.enabled", "false"));
        }
    }

    @Test
    void shouldReportNotReadyWhileAlive() {
        JsonPath ready =
                given().get("/q/health/ready").then().statusCode(503).extract().jsonPath();
        assertEquals("DOWN", ready.getString("status"));
        List<Map<String, Object>> checks = ready.getList("checks");
        Map<String, Object> database = checks.stream()
                .filter(check -> String.valueOf(check.get("name")).contains("Database"))
                .findFirst()
                .orElseThrow();
        assertEquals("DOWN", database.get("status"), ready.prettify());
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) database.get("data");
        assertEquals(List.of("pg"), List.copyOf(data.keySet()), "only the active datasource is checked");

        JsonPath live =
                given().get("/q/health/live").then().statusCode(200).extract().jsonPath();
        assertEquals("UP", live.getString("status"));
    }

    @Test
    void shouldAnswerReadsWithAFast503Problem() {
        for (String path : List.of(
                "/v1/articles",
                "/v1/articles?format=rss",
                "/v1/articles?format=csv",
                "/v1/articles/1",
                "/v1/categories",
                "/v1/sources/pbs",
                "/v1/dates")) {
            unavailable(() -> given().get(path), path);
        }
    }

    @Test
    void shouldAnswerWritesWithAFast503Problem() {
        unavailable(
                () -> editor().body(article("world", "pbs", "2026-11-24T09:30:00Z"))
                        .post("/v1/articles"),
                "POST /v1/articles");
        unavailable(
                () -> editor().body(Map.of("slug", "media", "name", "Media")).post("/v1/categories"),
                "POST /v1/categories");
        unavailable(() -> given().post("/v1/articles/1/views"), "POST /v1/articles/1/views");
        unavailable(() -> editor().delete("/v1/sources/pbs"), "DELETE /v1/sources/pbs");
    }

    /** Twice: the first call also pays for a cold JVM (class loading, JIT); the second one is timed. */
    private static void unavailable(Supplier<Response> request, String what) {
        check(request.get(), what);
        long start = System.nanoTime();
        Response response = request.get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        check(response, what);
        assertTrue(millis < BOUND_MILLIS, what + " took " + millis + " ms");
    }

    private static void check(Response response, String what) {
        JsonPath body = ProblemAssert.problem(response, 503, "database-unavailable");
        assertEquals("5", response.header("Retry-After"), what);
        assertTrue(body.getString("detail").contains("Retry in 5 seconds"), body.getString("detail"));
    }
}
