package io.newsdesk.article;

import static io.newsdesk.problem.ProblemAssert.invalidBody;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Single creates that arrive together are written together (CreateQueue): each request still gets the answer to
 * its own article, a refused one fails alone, and an Idempotency-Key replays its own create.
 */
@QuarkusTest
class ConcurrentCreateTest extends ApiTest {

    private static final int CREATES = 48;

    private record Sent(Map<String, Object> body, String key, boolean refused) {}

    @Test
    void shouldAnswerEachOfManyConcurrentCreatesWithItsOwnArticleOrProblem() throws Exception {
        String category = newCategory();
        String source = newSource();
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < CREATES; i++) {
            boolean refused = i % 6 == 5;
            Map<String, Object> body = article(
                    refused ? "no-such-category-" + uniqueSlug("x") : category,
                    source,
                    "2026-05-0" + (1 + i % 9) + "T10:00:00Z");
            body.put("title", "Concurrent " + i + " " + uniqueSlug("t"));
            sent.add(new Sent(body, i % 2 == 0 ? UUID.randomUUID().toString() : null, refused));
        }
        List<Response> answers = sendAll(sent);

        List<String> locations = new ArrayList<>();
        for (int i = 0; i < CREATES; i++) {
            Response answer = answers.get(i);
            if (sent.get(i).refused()) {
                invalidBody(answer, "category");
                locations.add(null);
                continue;
            }
            assertEquals(201, answer.statusCode(), answer.asString());
            assertEquals(sent.get(i).body().get("title"), answer.jsonPath().getString("title"));
            assertEquals(
                    sent.get(i).body().get("title"),
                    given().get(answer.header("Location"))
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getString("title"));
            locations.add(answer.header("Location"));
        }
        assertEquals(CREATES - CREATES / 6, articlesInCategory(category));

        List<Response> retries = sendAll(sent);
        for (int i = 0; i < CREATES; i++) {
            if (sent.get(i).key() != null && !sent.get(i).refused()) {
                assertEquals(201, retries.get(i).statusCode(), retries.get(i).asString());
                assertEquals("true", retries.get(i).header("Idempotent-Replayed"));
                assertEquals(locations.get(i), retries.get(i).header("Location"));
            } else if (!sent.get(i).refused()) {
                assertNull(retries.get(i).header("Idempotent-Replayed"));
            }
        }
        long keyless =
                sent.stream().filter(s -> s.key() == null && !s.refused()).count();
        assertEquals(CREATES - CREATES / 6 + keyless, articlesInCategory(category));
    }

    private static List<Response> sendAll(List<Sent> sent) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (Sent one : sent) {
                futures.add(pool.submit(() -> {
                    RequestSpecification request = editor().body(one.body());
                    if (one.key() != null) {
                        request.header("Idempotency-Key", one.key());
                    }
                    return request.post("/v1/articles");
                }));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
