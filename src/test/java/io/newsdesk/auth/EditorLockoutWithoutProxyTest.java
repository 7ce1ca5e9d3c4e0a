package io.newsdesk.auth;

import static io.newsdesk.auth.EditorLockoutTest.assertLockedOut;
import static io.newsdesk.auth.EditorLockoutTest.create;
import static io.newsdesk.problem.ProblemAssert.problem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The production lockout settings (10 failures a minute) without proxy forwarding, as a new user meets them:
 * X-Forwarded-For is the client's own claim and cannot escape the throttling of wrong keys, and an integration
 * suite that first checks the 401s (no key, an empty one, a key without a scheme, wrong keys) and then writes
 * with the right key from the same address passes in full.
 */
@QuarkusTest
@TestProfile(EditorLockoutWithoutProxyTest.ProductionLimits.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EditorLockoutWithoutProxyTest extends ApiTest {

    static final int PRODUCTION_MAX_FAILURES = 10;

    public static class ProductionLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "newsdesk.auth.max-failures",
                    Integer.toString(PRODUCTION_MAX_FAILURES),
                    "newsdesk.auth.failure-window",
                    "60S");
        }
    }

    /** Runs second: 127.0.0.1 is past the limit already (unless the first test's window ran out meanwhile). */
    @Test
    @Order(2)
    void shouldIgnoreForwardedForAndThrottleTheRemoteAddressButPassTheRightKey() {
        int refused = 0;
        Response response = create("192.0.2.0", "Bearer wrong", uniqueSlug("wrong"));
        while (response.statusCode() == 401 && refused++ < PRODUCTION_MAX_FAILURES) {
            response = create("192.0.2." + refused, "Bearer wrong", uniqueSlug("wrong"));
        }
        assertLockedOut(response);

        assertLockedOut(create("192.0.2.200", "Bearer wrong", uniqueSlug("spoofed")));
        assertLockedOut(create(null, "Bearer wrong", uniqueSlug("plain")));
        create("192.0.2.200", "Bearer " + EDITOR_KEY, uniqueSlug("spoofed"))
                .then()
                .statusCode(201);
        create(null, "Bearer " + EDITOR_KEY, uniqueSlug("plain")).then().statusCode(201);
    }

    /** Runs first, on a fresh count for 127.0.0.1 (every test of this class shares that address). */
    @Test
    @Order(1)
    void shouldPassAnIntegrationSuiteThatChecksTheRefusalsFirstThenWritesWithTheRightKey() {
        String[] refused = {
            null,
            "",
            "Bearer",
            "Bearer ",
            EDITOR_KEY,
            "Token " + EDITOR_KEY,
            "Basic Zm9vOmJhcg==",
            "Bearer wrong-key",
            "Bearer " + EDITOR_KEY.substring(1),
            "Bearer " + EDITOR_KEY + "x",
            "bearer " + EDITOR_KEY.toUpperCase()
        };
        int counted = 0;
        for (int round = 0; round < 3; round++) {
            for (String authorization : refused) {
                Response response = create(null, authorization, uniqueSlug("refused"));
                boolean guess = authorization != null && !authorization.isBlank(); // no credentials guess nothing
                if (guess && counted >= PRODUCTION_MAX_FAILURES) {
                    assertLockedOut(response);
                } else {
                    problem(response, 401, "unauthorized");
                }
                counted += guess ? 1 : 0;
            }
        }

        String category = newCategory();
        String source = newSource();
        long article = newArticle(category, source, "2026-10-01T10:00:00Z");
        String etag = given().get("/v1/articles/" + article)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        editor().header("If-Match", etag)
                .body(Map.of(
                        "title",
                        "Updated after the refusals",
                        "summary",
                        "S.",
                        "content",
                        "C.",
                        "category",
                        category,
                        "source",
                        source,
                        "publishedAt",
                        "2026-10-01T10:00:00Z",
                        "originalUrl",
                        "https://example.org/a",
                        "isSummary",
                        false,
                        "hasEditorialBias",
                        false))
                .put("/v1/articles/" + article)
                .then()
                .statusCode(200);
        given().post("/v1/articles/" + article + "/views").then().statusCode(200);
        editor().delete("/v1/articles/" + article).then().statusCode(204);
        given().get("/v1/articles/" + article).then().statusCode(404);
        assertEquals(
                201,
                editor().contentType(ContentType.JSON)
                        .body(Map.of("slug", uniqueSlug("last"), "name", "Last"))
                        .post("/v1/categories")
                        .statusCode());
    }
}
