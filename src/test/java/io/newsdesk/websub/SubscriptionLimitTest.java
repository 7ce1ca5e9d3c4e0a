package io.newsdesk.websub;

import static io.newsdesk.problem.ProblemAssert.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** {@code newsdesk.websub.max-subscriptions-per-client}: one more is a 429 problem; renewing one is not "more". */
@QuarkusTest
@TestProfile(SubscriptionLimitTest.One.class)
class SubscriptionLimitTest extends ApiTest {

    public static class One implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a database of its own on H2 (the in-memory one outlives restarts within the JVM, with the
            // subscriptions other tests made from this same address); PostgreSQL is cleaned at every start
            return Map.of(
                    "newsdesk.websub.max-subscriptions-per-client",
                    "1",
                    "quarkus.datasource.h2.jdbc.url",
                    "jdbc:h2:mem:newsdesk-subscription-limit;DB_CLOSE_DELAY=-1",
                    "%test.quarkus.datasource.h2.jdbc.url",
                    "jdbc:h2:mem:newsdesk-subscription-limit;DB_CLOSE_DELAY=-1");
        }
    }

    @Test
    void shouldRefuseASubscriptionBeyondTheClientsAllowanceButRenewTheOneItHolds() throws Exception {
        try (Subscriber subscriber = new Subscriber("secret")) {
            String topic = WebSubTest.topic("format=atom&category=" + newCategory());
            WebSubTest.subscribe(subscriber, topic, Map.of());
            Response more = WebSubTest.request(
                    "subscribe",
                    WebSubTest.topic("format=rss&category=" + newCategory()),
                    subscriber.callback(),
                    Map.of());
            String detail = problem(more, 429).getString("detail");
            assertTrue(detail.contains("1 WebSub subscriptions"), detail);
            assertNotNull(more.header("Retry-After"));
            assertEquals(
                    202,
                    WebSubTest.request("subscribe", topic, subscriber.callback(), Map.of())
                            .statusCode());
        }
    }
}
