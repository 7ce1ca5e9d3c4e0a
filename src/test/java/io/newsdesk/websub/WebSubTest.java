package io.newsdesk.websub;

import static io.newsdesk.problem.ProblemAssert.problem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The hub as a subscriber written to the WebSub specification sees it: subscription with verification of intent,
 * signed deliveries of the topic's new document after a create, an update and a delete (and none for other
 * categories), retries of a failing callback, refusals as problems, and no deliveries without verification.
 */
@QuarkusTest
class WebSubTest extends ApiTest {

    private static final String SECRET = "a subscriber's secret";

    @Inject
    Topics topics;

    static String topic(String query) {
        return RestAssured.baseURI + ":" + RestAssured.port + "/v1/articles?" + query;
    }

    static Response request(String mode, String topic, String callback, Map<String, String> more) {
        var spec = given().contentType("application/x-www-form-urlencoded")
                .formParam("hub.mode", mode)
                .formParam("hub.topic", topic)
                .formParam("hub.callback", callback);
        more.forEach(spec::formParam);
        return spec.post("/v1/websub");
    }

    /** Subscribes and waits for the verification; returns the verification's parameters. */
    static Map<String, String> subscribe(Subscriber subscriber, String topic, Map<String, String> more)
            throws Exception {
        subscriber.expectedTopic = topic;
        Response answer = request("subscribe", topic, subscriber.callback(), more);
        assertEquals(202, answer.statusCode(), answer.asString());
        Subscriber.Verification verification = subscriber.verification(10);
        assertNotNull(verification, "the hub verifies the intent");
        Thread.sleep(300); // the hub records the subscription right after the echo
        return verification.params();
    }

    static SyndFeed atom(Subscriber.Delivery delivery) throws Exception {
        return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(delivery.body())));
    }

    static List<String> titles(SyndFeed feed) {
        return feed.getEntries().stream().map(SyndEntry::getTitle).toList();
    }

    @Test
    void shouldDeliverTheTopicsNewDocumentSignedAfterACreateAnUpdateAndADelete() throws Exception {
        String category = newCategory();
        String source = newSource();
        String topic = topic("format=atom&category=" + category);
        try (Subscriber subscriber = new Subscriber(SECRET)) {
            Map<String, String> verification =
                    subscribe(subscriber, topic, Map.of("hub.lease_seconds", "60", "hub.secret", SECRET));
            assertEquals("subscribe", verification.get("hub.mode"));
            assertEquals(topic, verification.get("hub.topic"));
            assertEquals("3600", verification.get("hub.lease_seconds"), "a lease below the minimum is raised to it");

            Map<String, Object> body = article(category, source, "2026-05-01T10:00:00Z");
            body.put("title", "Harbour reopens");
            long id = newArticle(body);
            long start = System.nanoTime();
            Subscriber.Delivery created = subscriber.next(5);
            assertNotNull(created, "a new article of the topic is delivered within 5 seconds");
            assertTrue(System.nanoTime() - start < 5_000_000_000L);
            assertTrue(created.signed(), "X-Hub-Signature is the HMAC-SHA256 of the body with the secret");
            assertTrue(
                    created.header("Content-Type").startsWith("application/atom+xml"), created.header("Content-Type"));
            String link = created.header("Link");
            assertTrue(link.contains("rel=\"hub\"") && link.contains("/v1/websub>"), link);
            assertTrue(link.contains("<" + topic + ">; rel=\"self\""), link);
            assertEquals(List.of("Harbour reopens"), titles(atom(created)));
            assertTrue(
                    atom(created).getLinks().stream()
                            .anyMatch(
                                    l -> "hub".equals(l.getRel()) && l.getHref().endsWith("/v1/websub")),
                    "the delivered document names its hub, as a GET of the topic does");

            body.put("title", "Harbour reopens after repairs");
            editor().body(body).put("/v1/articles/" + id).then().statusCode(200);
            Subscriber.Delivery updated = subscriber.next(5);
            assertNotNull(updated, "an update is delivered");
            assertTrue(updated.signed());
            assertEquals(List.of("Harbour reopens after repairs"), titles(atom(updated)));

            editor().delete("/v1/articles/" + id).then().statusCode(204);
            Subscriber.Delivery deleted = subscriber.next(5);
            assertNotNull(deleted, "a delete is delivered");
            assertEquals(List.of(), titles(atom(deleted)));

            newArticle(newCategory(), source, "2026-05-01T11:00:00Z");
            assertNull(subscriber.next(2), "another category's article is not this topic's change");
        }
    }

    @Test
    void shouldRetryAFailingCallbackUntilItTakesTheDelivery() throws Exception {
        String category = newCategory();
        try (Subscriber subscriber = new Subscriber(SECRET)) {
            subscribe(subscriber, topic("category=" + category + "&format=rss"), Map.of());
            subscriber.failures.set(2);
            newArticle(category, newSource(), "2026-05-01T10:00:00Z");
            Subscriber.Delivery delivery = subscriber.next(15);
            assertNotNull(delivery, "delivered once the callback recovers");
            assertEquals(2, subscriber.refusedDeliveries.get());
            assertFalse(delivery.signed(), "no secret, no signature");
            assertNull(delivery.header("X-Hub-Signature"));
            assertTrue(delivery.header("Content-Type").startsWith("application/rss+xml"));
            assertEquals(1, atom(delivery).getEntries().size());
            assertNull(subscriber.next(2), "delivered once");
        }
    }

    @Test
    void shouldNeverDeliverToACallbackThatDidNotConfirm() throws Exception {
        String category = newCategory();
        try (Subscriber subscriber = new Subscriber(SECRET)) {
            subscriber.echo = false;
            Map<String, String> verification =
                    subscribe(subscriber, topic("category=" + category + "&format=jsonfeed"), Map.of());
            assertNotNull(verification.get("hub.challenge"));
            newArticle(category, newSource(), "2026-05-01T10:00:00Z");
            assertNull(subscriber.next(3));
        }
    }

    @Test
    void shouldStopDeliveringAfterAVerifiedUnsubscribe() throws Exception {
        String category = newCategory();
        String topic = topic("format=atom&category=" + category);
        try (Subscriber subscriber = new Subscriber(SECRET)) {
            subscribe(subscriber, topic, Map.of());
            assertEquals(
                    202,
                    request("unsubscribe", topic, subscriber.callback(), Map.of())
                            .statusCode());
            Subscriber.Verification verification = subscriber.verification(10);
            assertEquals("unsubscribe", verification.params().get("hub.mode"));
            assertNull(verification.params().get("hub.lease_seconds"));
            Thread.sleep(300);
            newArticle(category, newSource(), "2026-05-01T10:00:00Z");
            assertNull(subscriber.next(3));
        }
    }

    @Test
    void shouldDenyASubscriptionWhoseCategoryWasDeleted() throws Exception {
        String category = newCategory();
        String topic = topic("category=" + category + "&format=atom");
        try (Subscriber subscriber = new Subscriber(SECRET)) {
            subscribe(subscriber, topic, Map.of());
            editor().delete("/v1/categories/" + category).then().statusCode(204);
            newArticle(newCategory(), newSource(), "2026-05-01T10:00:00Z");
            Subscriber.Verification denial = subscriber.verification(10);
            assertNotNull(denial, "the subscriber is told its subscription ended");
            assertEquals("denied", denial.params().get("hub.mode"));
            assertEquals(topic, denial.params().get("hub.topic"));
            assertTrue(
                    denial.params().get("hub.reason").contains(category),
                    denial.params().get("hub.reason"));
        }
    }

    @Test
    void shouldRefuseWhatItCanJudgeAtOnceWithAProblem() {
        String category = newCategory();
        String callback = "http://127.0.0.1:9/callback";
        String good = topic("category=" + category + "&format=atom");
        assertTrue(problem(request("publish", good, callback, Map.of()), 400)
                .getString("detail")
                .contains("hub.mode"));
        for (String topic : List.of(
                topic("category=" + category),
                topic("category=" + category + "&format=json"),
                topic("category=" + category + "&format=atom&cursor=abc"),
                topic("category=no-such-category&format=atom"),
                topic("limit=1000&format=atom"),
                RestAssured.baseURI + ":" + RestAssured.port + "/v1/categories?format=atom",
                "https://elsewhere.example/v1/articles?format=atom",
                "not a url")) {
            String detail = problem(request("subscribe", topic, callback, Map.of()), 400)
                    .getString("detail");
            assertTrue(detail.contains("hub.topic"), topic + ": " + detail);
        }
        for (String bad : List.of("ftp://127.0.0.1/x", "/relative", "http://user@127.0.0.1/x")) {
            problem(request("subscribe", good, bad, Map.of()), 400);
        }
        problem(request("subscribe", good, callback, Map.of("hub.secret", "s".repeat(200))), 400);
        problem(request("subscribe", good, callback, Map.of("hub.lease_seconds", "soon")), 400);
        problem(
                given().contentType("application/x-www-form-urlencoded")
                        .formParam("hub.mode", "subscribe")
                        .post("/v1/websub"),
                400);
    }

    @Test
    void shouldTreatEquivalentTopicUrlsAsOneTopic() {
        String category = newCategory();
        String other = newCategory();
        var base = java.net.URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/");
        String key = topics.parse(topic("category=" + category + "&category=" + other + "&format=atom"), base)
                .key();
        assertEquals(
                key,
                topics.parse(
                                topic("format=atom&category=" + other + "&category=" + category
                                        + "&sort=newest&limit=20"),
                                base)
                        .key());
        assertEquals(
                key,
                topics.parse(
                                topic("format=atom&category=" + other + "&category=" + category)
                                        .replace("localhost", "LOCALHOST"),
                                base)
                        .key());
        assertFalse(key.equals(topics.parse(topic("category=" + category + "&format=rss"), base)
                .key()));
        assertEquals(
                topics.parse(topic("format=atom&date=2026-05-01"), base).key(),
                topics.parse(topic("format=atom&from=2026-05-01T00:00:00Z&to=2026-05-02T00:00:00Z"), base)
                        .key());
    }
}
