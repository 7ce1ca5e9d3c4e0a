package io.newsdesk.changes;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsdesk.ApiTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * GET /v1/changes as Server-Sent Events, read by {@link SseClient} (written to the SSE specification): a stream of
 * one category sees articles enter, change and leave it, and nothing of other categories; a client that drops and
 * resumes with Last-Event-ID misses nothing and gets nothing twice; the end of an embargo is announced.
 */
@QuarkusTest
class ChangeStreamTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/v1/changes")
    URL changes;

    @Test
    void shouldStreamArticlesEnteringChangingAndLeavingTheSelection() throws Exception {
        String category = newCategory();
        String other = newCategory();
        String source = newSource();
        try (SseClient stream = SseClient.open(changes + "?category=" + category, null)) {
            assertEquals(200, stream.response().statusCode());
            assertTrue(stream.response()
                    .headers()
                    .firstValue("Content-Type")
                    .orElse("")
                    .startsWith("text/event-stream"));
            Instant written = Instant.now();
            long id = newArticle(category, source, "2026-03-01T10:00:00Z");
            newArticle(other, source, "2026-03-01T11:00:00Z");
            SseClient.Event created = stream.next(5);
            Duration delay = Duration.between(written, Instant.now());
            assertNotNull(created, "no event within 5 s of the create");
            assertTrue(delay.toMillis() < 1_000, "the created event took " + delay);
            assertEquals("created", created.type());
            JsonNode data = JSON.readTree(created.data());
            assertEquals(id, data.get("articleId").asLong());
            assertEquals(id, data.get("article").get("id").asLong());
            assertEquals(
                    category, data.get("article").get("category").get("slug").asText());
            assertEquals(created.id(), data.get("id").asText());
            assertTrue(data.get("url").asText().endsWith("/v1/articles/" + id));

            Map<String, Object> body = article(category, source, "2026-03-01T10:00:00Z");
            body.put("title", "Changed title");
            editor().body(body).put("/v1/articles/" + id).then().statusCode(200);
            SseClient.Event updated = stream.next(5);
            assertEquals("updated", updated.type());
            assertEquals(
                    "Changed title",
                    JSON.readTree(updated.data()).get("article").get("title").asText());
            assertTrue(Long.parseLong(updated.id()) > Long.parseLong(created.id()));

            body.put("category", other);
            editor().body(body).put("/v1/articles/" + id).then().statusCode(200);
            SseClient.Event left = stream.next(5);
            assertEquals("deleted", left.type(), "moving the article out of the category is a tombstone for it");
            JsonNode tombstone = JSON.readTree(left.data());
            assertEquals(id, tombstone.get("articleId").asLong());
            assertNull(tombstone.get("article"));

            long second = newArticle(category, source, "2026-03-02T10:00:00Z");
            assertEquals("created", stream.next(5).type());
            given().header("Authorization", "Bearer " + EDITOR_KEY)
                    .delete("/v1/articles/" + second)
                    .then()
                    .statusCode(204);
            SseClient.Event deleted = stream.next(5);
            assertEquals("deleted", deleted.type());
            assertEquals(second, JSON.readTree(deleted.data()).get("articleId").asLong());
            assertEquals(List.of(), stream.drain(1), "events of another category reached this stream");
        }
    }

    @Test
    void shouldResumeAfterLastEventIdWithoutLossOrRepeat() throws Exception {
        String category = newCategory();
        String source = newSource();
        String first;
        try (SseClient stream = SseClient.open(changes + "?category=" + category, null)) {
            newArticle(category, source, "2026-04-01T10:00:00Z");
            SseClient.Event event = stream.next(5);
            assertNotNull(event);
            first = stream.lastEventId();
        }
        List<Long> written = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            written.add(newArticle(category, source, "2026-04-0" + (2 + i) + "T10:00:00Z"));
        }
        try (SseClient resumed = SseClient.open(changes + "?category=" + category, first)) {
            List<Long> seen = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                SseClient.Event event = resumed.next(5);
                assertNotNull(event, "missed the changes made while disconnected: saw " + seen);
                assertEquals("created", event.type());
                seen.add(JSON.readTree(event.data()).get("articleId").asLong());
            }
            assertEquals(written, seen);
            assertEquals(List.of(), resumed.drain(1));
        }
    }

    @Test
    void shouldAnnounceTheEndOfAnEmbargoAtItsInstant() throws Exception {
        String category = newCategory();
        String source = newSource();
        try (SseClient stream = SseClient.open(changes + "?category=" + category, null)) {
            Instant release = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
            long id = newArticle(category, source, release.toString());
            SseClient.Event early = stream.next(Math.max(
                    0.1, Duration.between(Instant.now(), release).toMillis() / 1000.0 - 0.2));
            assertNull(early, "an embargoed article was announced before its time");
            SseClient.Event released = stream.next(5);
            assertNotNull(released);
            Duration late = Duration.between(release, Instant.now());
            assertEquals("created", released.type());
            assertEquals(id, JSON.readTree(released.data()).get("articleId").asLong());
            assertTrue(late.toMillis() < 1_000, "announced " + late + " after its time");
        }
    }

    @Test
    void shouldRefuseABadLastEventIdWithAProblem() throws Exception {
        try (SseClient stream = SseClient.open(changes.toString(), "yesterday")) {
            assertEquals(400, stream.response().statusCode());
            assertTrue(stream.body().contains("Last-Event-ID"));
        }
    }
}
