package io.newsdesk.auth;

import static io.newsdesk.problem.ProblemAssert.problem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Repeated wrong keys from one client address are throttled for the rest of the window: its further wrong
 * credentials get 429 with Retry-After, while the right key always passes (an editor sharing an address with a
 * misconfigured script, or with a stranger behind a proxy, keeps working). Runs behind a (simulated) proxy, so that every test is its
 * own client through X-Forwarded-For; the limit is low here (3 failures a minute) and out of reach in the other
 * tests. That the lockout ends with its window is tested on a clock in {@link FailedAttemptsTest}: waiting a
 * real window here would make the test either slow or, on a loaded machine, flaky.
 */
@QuarkusTest
@TestProfile(EditorLockoutTest.LowLimitsBehindProxy.class)
class EditorLockoutTest extends ApiTest {

    static final int MAX_FAILURES = 3;
    static final int WINDOW_SECONDS = 60;
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    public static class LowLimitsBehindProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "newsdesk.auth.max-failures",
                    Integer.toString(MAX_FAILURES),
                    "newsdesk.auth.failure-window",
                    WINDOW_SECONDS + "S",
                    "quarkus.http.proxy.proxy-address-forwarding",
                    "true",
                    "quarkus.http.proxy.allow-x-forwarded",
                    "true");
        }
    }

    private static String newClient() {
        return "203.0.113." + CLIENTS.incrementAndGet();
    }

    static Response create(String forwardedFor, String authorization, String slug) {
        var request = given().contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "Lockout"));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.post("/v1/categories");
    }

    /** Sends MAX_FAILURES wrong keys, each a 401. */
    static void failEnough(String forwardedFor) {
        for (int i = 0; i < MAX_FAILURES; i++) {
            problem(create(forwardedFor, "Bearer wrong-" + i, uniqueSlug("wrong")), 401, "unauthorized");
        }
    }

    /** A 429 too-many-requests problem; returns its Retry-After. */
    static int assertLockedOut(Response response) {
        JsonPath body = problem(response, 429, "too-many-requests");
        assertTrue(body.getString("detail").contains("seconds"), body.getString("detail"));
        int retryAfter = Integer.parseInt(response.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= WINDOW_SECONDS, "Retry-After " + retryAfter);
        assertEquals(null, response.header("WWW-Authenticate"));
        return retryAfter;
    }

    @Test
    void shouldThrottleWrongKeysFromAClientAfterMaxFailuresButAlwaysPassTheRightKey() {
        String client = newClient();
        failEnough(client);

        assertLockedOut(create(client, "Bearer wrong-again", uniqueSlug("wrong")));
        assertLockedOut(create(client, "Basic d3Jvbmc6d3Jvbmc=", uniqueSlug("wrong")));
        String slug = uniqueSlug("right");
        create(client, "Bearer " + EDITOR_KEY, slug).then().statusCode(201);
        given().header("X-Forwarded-For", client)
                .get("/v1/categories/" + slug)
                .then()
                .statusCode(200);
        given().header("X-Forwarded-For", client)
                .header("Authorization", "Bearer " + EDITOR_KEY)
                .delete("/v1/categories/" + newCategory())
                .then()
                .statusCode(204);
        // no credentials at all is a plain 401 that tells how to send a key, never a 429
        problem(create(client, null, uniqueSlug("nokey")), 401, "unauthorized");
        assertLockedOut(create(client, "Bearer wrong-once-more", uniqueSlug("wrong")));

        // another client is not affected, and neither are reads and counting views from the throttled one
        create(newClient(), "Bearer wrong", uniqueSlug("wrong")).then().statusCode(401);
        long article = newArticle(slug, newSource(), "2026-09-01T10:00:00Z");
        given().header("X-Forwarded-For", client)
                .post("/v1/articles/" + article + "/views")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldPassEveryRightKeyWhileTheAddressKeepsSendingWrongOnes() {
        String client = newClient();
        for (int i = 0; i < MAX_FAILURES * 3; i++) {
            Response wrong = create(client, "Bearer wrong-" + i, uniqueSlug("wrong"));
            if (i < MAX_FAILURES) {
                problem(wrong, 401, "unauthorized");
            } else {
                assertLockedOut(wrong);
            }
            create(client, "Bearer " + EDITOR_KEY, uniqueSlug("right")).then().statusCode(201);
        }
    }

    @Test
    void shouldAllowMaxFailuresMinusOneWithoutLockingOut() {
        String client = newClient();
        for (int i = 0; i < MAX_FAILURES - 1; i++) {
            problem(create(client, "Bearer wrong", uniqueSlug("wrong")), 401, "unauthorized");
        }

        create(client, "Bearer " + EDITOR_KEY, uniqueSlug("ok")).then().statusCode(201);
    }

    @Test
    void shouldNotCountWritesThatCarryNoCredentials() {
        String client = newClient();
        for (int i = 0; i < MAX_FAILURES * 3; i++) {
            problem(create(client, null, uniqueSlug("nokey")), 401, "unauthorized");
        }

        create(client, "Bearer " + EDITOR_KEY, uniqueSlug("ok")).then().statusCode(201);
    }

    @Test
    void shouldNotResetTheCountOnASuccessfulWrite() {
        String client = newClient();
        problem(create(client, "Bearer wrong", uniqueSlug("wrong")), 401, "unauthorized");
        create(client, "Bearer " + EDITOR_KEY, uniqueSlug("ok")).then().statusCode(201);
        for (int i = 1; i < MAX_FAILURES; i++) {
            problem(create(client, "Basic d3Jvbmc6d3Jvbmc=", uniqueSlug("wrong")), 401, "unauthorized");
        }

        assertLockedOut(create(client, "Bearer wrong", uniqueSlug("wrong")));
        create(client, "Bearer " + EDITOR_KEY, uniqueSlug("ok")).then().statusCode(201);
    }

    @Test
    void shouldKeyTheLockoutOnTheFirstForwardedForHop() {
        String client = newClient();
        String proxy = "10.9.8." + CLIENTS.incrementAndGet();
        failEnough(client + ", " + proxy);

        assertLockedOut(create(client, "Bearer wrong", uniqueSlug("locked")));
        assertLockedOut(create(client + ", 10.0.0.99", "Bearer wrong", uniqueSlug("locked")));
        problem(create(proxy, "Bearer wrong", uniqueSlug("proxy")), 401, "unauthorized");
        problem(create(proxy + ", " + client, "Bearer wrong", uniqueSlug("proxy")), 401, "unauthorized");
    }
}
