package io.newsdesk.problem;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.newsdesk.ApiTest;
import io.newsdesk.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * No log line carries an editor key, a presented (wrong) key or an Authorization header, at any level our
 * code logs at; Hibernate logs neither SQL statements nor their bound values. An unexpected failure is logged
 * with its stack trace (operators need it; the response shows none of it: see {@link FuzzTest}).
 */
@QuarkusTest
class NoSecretsInLogsTest extends ApiTest {

    @Test
    void shouldLogNoKeyAndNoAuthorizationHeaderWhateverTheRequest() {
        String wrongKey = "wrong-" + UUID.randomUUID();
        String category = newCategory();
        List<LogCapture.Line> lines;
        try (LogCapture logs = LogCapture.start(Map.of(
                "io.newsdesk",
                Level.FINEST,
                "io.quarkus.vertx.http",
                Level.FINE,
                "io.quarkus.rest",
                Level.FINE,
                "org.jboss.resteasy.reactive",
                Level.FINE))) {
            given().header("Authorization", "Bearer " + wrongKey)
                    .contentType(ContentType.JSON)
                    .body(Map.of("slug", uniqueSlug("l"), "name", "L"))
                    .post("/v1/categories")
                    .then()
                    .statusCode(401);
            given().header("Authorization", "Basic " + wrongKey)
                    .delete("/v1/categories/" + category)
                    .then()
                    .statusCode(401);
            given().queryParam("key", EDITOR_KEY)
                    .header("X-Api-Key", EDITOR_KEY)
                    .delete("/v1/categories/" + category)
                    .then()
                    .statusCode(401);
            editor().body(Map.of("slug", uniqueSlug("l"), "name", "L"))
                    .post("/v1/categories")
                    .then()
                    .statusCode(201);
            editor().body(Map.of("slug", category, "name", "L"))
                    .post("/v1/categories")
                    .then()
                    .statusCode(409);
            editor().body("{\"slug\": 1e999999}").post("/v1/categories").then().statusCode(400);
            given().header("Authorization", "Bearer second-editor-key-0123456789abcdef0")
                    .delete("/v1/categories/" + category)
                    .then()
                    .statusCode(204);
            given().noFilters()
                    .header("Authorization", "Bearer " + EDITOR_KEY)
                    .header("X-Api-Key", wrongKey)
                    .get(FailingResource.PATH)
                    .then()
                    .statusCode(500);
            lines = logs.lines();
        }

        assertTrue(
                lines.stream().anyMatch(line -> line.text().contains(FailingResource.SECRET_MESSAGE)),
                "the capture works: the unexpected failure is logged: " + lines);
        for (LogCapture.Line line : lines) {
            for (String secret :
                    List.of(EDITOR_KEY, "second-editor-key-0123456789abcdef0", wrongKey, "Bearer ", "Authorization")) {
                assertFalse(line.text().contains(secret), "'" + secret + "' in a log line: " + line);
            }
        }
    }

    @Test
    void shouldLogNeitherSqlStatementsNorBoundValues() {
        var config = ConfigProvider.getConfig();
        for (String unit : List.of("h2", "pg")) {
            assertEquals(
                    false,
                    config.getOptionalValue("quarkus.hibernate-orm." + unit + ".log.sql", Boolean.class)
                            .orElse(false),
                    unit);
        }
        assertEquals(
                false,
                config.getOptionalValue("quarkus.hibernate-orm.log.bind-parameters", Boolean.class)
                        .orElse(false));
        assertFalse(Logger.getLogger("org.hibernate.SQL").isLoggable(Level.FINE), "org.hibernate.SQL at DEBUG");
        assertFalse(Logger.getLogger("org.hibernate.orm.jdbc.bind").isLoggable(Level.FINEST), "bind at TRACE");

        String marker = "marker-" + UUID.randomUUID();
        List<LogCapture.Line> lines;
        try (LogCapture logs = LogCapture.start(Map.of())) {
            Map<String, Object> body = article(newCategory(), newSource(), "2026-10-06T10:00:00Z");
            body.put("title", "Budget " + marker);
            body.put("content", marker);
            long id = newArticle(body);
            given().queryParam("q", marker).get("/v1/articles").then().statusCode(200);
            given().get("/v1/articles/" + id).then().statusCode(200);
            lines = logs.lines();
        }
        for (LogCapture.Line line : lines) {
            assertFalse(
                    line.logger().startsWith("org.hibernate.SQL")
                            || line.logger().contains("jdbc.bind"),
                    line.toString());
            assertFalse(line.text().contains(marker), "a bound value in a log line: " + line);
            assertFalse(line.text().toLowerCase(java.util.Locale.ROOT).contains("select "), line.toString());
        }
    }
}
