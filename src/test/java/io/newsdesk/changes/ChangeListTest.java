package io.newsdesk.changes;

import static io.newsdesk.problem.ProblemAssert.problem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** GET /v1/changes as JSON, for clients that poll: since, last, next, the selection's filters, validators. */
@QuarkusTest
class ChangeListTest extends ApiTest {

    @Test
    void shouldListTheSelectionsChangesAfterSinceAndSayWhereToGoOn() throws Exception {
        String category = newCategory();
        String source = newSource();
        long since = given().get("/v1/changes?category=" + category).jsonPath().getLong("last");
        long a = newArticle(category, source, "2026-05-01T10:00:00Z");
        newArticle(newCategory(), source, "2026-05-01T11:00:00Z");
        long b = newArticle(category, source, "2026-05-02T10:00:00Z");

        JsonPath page = poll("/v1/changes?category=" + category + "&since=" + since, 2);
        assertEquals(List.of(a, b), page.getList("items.articleId", Long.class));
        assertEquals(List.of("created", "created"), page.getList("items.type"));
        assertFalse(page.getBoolean("reload"));
        long last = page.getLong("last");
        assertTrue(last >= page.getLong("items[1].id"));
        assertTrue(page.getString("next").contains("since=" + last));

        JsonPath one = given().get("/v1/changes?category=" + category + "&since=" + since + "&limit=1")
                .jsonPath();
        assertEquals(List.of(a), one.getList("items.articleId", Long.class));
        assertEquals(one.getLong("items[0].id"), one.getLong("last"));

        JsonPath nothing = given().get(page.getString("next")).jsonPath();
        assertEquals(List.of(), nothing.getList("items"));
    }

    @Test
    void shouldAnswerAConditionalPollWith304UntilTheLogMoves() {
        Response first = given().get("/v1/changes?limit=1");
        String tag = first.header("ETag");
        given().header("If-None-Match", tag).get("/v1/changes?limit=1").then().statusCode(304);
        newArticle(newCategory(), newSource(), "2026-05-03T10:00:00Z");
        long deadline = System.currentTimeMillis() + 5_000;
        int status = 304;
        while (status == 304 && System.currentTimeMillis() < deadline) {
            status = given().header("If-None-Match", tag)
                    .get("/v1/changes?limit=1")
                    .statusCode();
        }
        assertEquals(200, status);
    }

    @Test
    void shouldRefuseBadSinceAndLimitWithProblems() {
        assertEquals(
                List.of("since"),
                problem(given().get("/v1/changes?since=-1"), 400, "invalid-parameter")
                        .getList("errors.field"));
        assertEquals(
                List.of("since"),
                problem(given().get("/v1/changes?since=abc"), 400, "invalid-parameter")
                        .getList("errors.field"));
        assertEquals(
                List.of("limit"),
                problem(given().get("/v1/changes?limit=0"), 400, "invalid-parameter")
                        .getList("errors.field"));
        assertEquals(
                List.of("limit"),
                problem(given().get("/v1/changes?limit=1001"), 400, "invalid-parameter")
                        .getList("errors.field"));
        given().get("/v1/changes?category=no-such-category-anywhere").then().statusCode(404);
    }
}
