package io.newsdesk.auth;

import static io.newsdesk.auth.EditorLockoutTest.assertLockedOut;
import static io.newsdesk.auth.EditorLockoutTest.create;
import static io.newsdesk.problem.ProblemAssert.problem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Without proxy address forwarding, X-Forwarded-For is the client's own claim: it cannot escape a lockout. */
@QuarkusTest
@TestProfile(EditorLockoutWithoutProxyTest.LowLimits.class)
class EditorLockoutWithoutProxyTest extends ApiTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsdesk.auth.max-failures", Integer.toString(EditorLockoutTest.MAX_FAILURES),
                    "newsdesk.auth.failure-window", EditorLockoutTest.WINDOW_SECONDS + "S");
        }
    }

    @Test
    void shouldIgnoreForwardedForAndLockTheRemoteAddressOut() {
        for (int i = 0; i < EditorLockoutTest.MAX_FAILURES; i++) {
            problem(create("192.0.2." + i, "Bearer wrong", uniqueSlug("wrong")), 401, "unauthorized");
        }

        assertLockedOut(create("192.0.2.200", "Bearer " + EDITOR_KEY, uniqueSlug("spoofed")));
        assertLockedOut(create(null, "Bearer " + EDITOR_KEY, uniqueSlug("plain")));
    }
}
