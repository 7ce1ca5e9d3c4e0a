package io.newsdesk.auth;

import static io.newsdesk.problem.ProblemAssert.problem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.newsdesk.ApiTest;
import io.newsdesk.system.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;

/**
 * {@code Idempotency-Key} on every POST: a client whose connection dropped after the server committed can retry
 * and gets the first answer again instead of a second article.
 */
@QuarkusTest
class IdempotencyKeyTest extends ApiTest {

    static final String SECOND_EDITOR_KEY = "second-editor-key-0123456789abcdef0";

    @Inject
    Database database;

    private static Response create(String key, Map<String, Object> body) {
        return editor().header(IdempotencyFilter.HEADER, key).body(body).post("/v1/articles");
    }

    private static int articlesIn(String category) {
        return given().queryParam("category", category)
                .queryParam("limit", 100)
                .get("/v1/articles")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items")
                .size();
    }

    @Test
    void shouldAnswerARetryWithTheFirstAnswerAndWriteOneArticle() {
        String category = newCategory();
        Map<String, Object> body = article(category, newSource(), "2026-10-01T10:00:00Z");
        String key = UUID.randomUUID().toString();

        Response first = create(key, body);
        Response retry = create(key, body);

        first.then().statusCode(201);
        assertNull(first.header(IdempotencyFilter.REPLAYED));
        assertEquals(201, retry.statusCode());
        assertEquals("true", retry.header(IdempotencyFilter.REPLAYED));
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.header("ETag"), retry.header("ETag"));
        assertEquals(first.header("Content-Type"), retry.header("Content-Type"));
        assertArrayEquals(first.body().asByteArray(), retry.body().asByteArray());
        assertEquals(first.jsonPath().getLong("id"), retry.jsonPath().getLong("id"));
        assertEquals(1, articlesIn(category));
    }

    @Test
    void shouldReadTheQuotedFormOfTheDraftAsTheSameKey() {
        String category = newCategory();
        Map<String, Object> body = article(category, newSource(), "2026-10-01T10:00:00Z");
        String key = UUID.randomUUID().toString();

        create(key, body).then().statusCode(201);
        create("\"" + key + "\"", body).then().statusCode(201).header(IdempotencyFilter.REPLAYED, "true");
        assertEquals(1, articlesIn(category));
    }

    @Test
    void shouldRefuseTheSameKeyWithAnotherBodyOrTarget() {
        String category = newCategory();
        String source = newSource();
        Map<String, Object> body = article(category, source, "2026-10-01T10:00:00Z");
        String key = UUID.randomUUID().toString();
        create(key, body).then().statusCode(201);

        Map<String, Object> other = new java.util.HashMap<>(body);
        other.put("title", "Another story");
        problem(create(key, other), 422, "idempotency-key-reused");
        problem(
                editor().header(IdempotencyFilter.HEADER, key)
                        .body(Map.of("slug", uniqueSlug("c"), "name", "C"))
                        .post("/v1/categories"),
                422,
                "idempotency-key-reused");
        assertEquals(1, articlesIn(category));
    }

    @Test
    void shouldCarryOutARetryAfreshWhenTheFirstRequestFailed() {
        String category = newCategory();
        Map<String, Object> body = article(category, newSource(), "2026-10-01T10:00:00Z");
        Map<String, Object> invalid = new java.util.HashMap<>(body);
        invalid.put("title", "");
        String key = UUID.randomUUID().toString();

        problem(create(key, invalid), 400);
        create(key, body).then().statusCode(201);
        assertEquals(1, articlesIn(category));
    }

    @Test
    void shouldKeepKeysApartForEachEditor() {
        String category = newCategory();
        Map<String, Object> body = article(category, newSource(), "2026-10-01T10:00:00Z");
        String key = UUID.randomUUID().toString();

        long mine =
                create(key, body).then().statusCode(201).extract().jsonPath().getLong("id");
        long theirs = given().header("Authorization", "Bearer " + SECOND_EDITOR_KEY)
                .contentType("application/json")
                .header(IdempotencyFilter.HEADER, key)
                .body(body)
                .post("/v1/articles")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        assertNotEquals(mine, theirs);
    }

    @Test
    void shouldMakeOneArticleFromConcurrentRequestsWithOneKey() throws Exception {
        String category = newCategory();
        Map<String, Object> body = article(category, newSource(), "2026-10-01T10:00:00Z");
        String key = UUID.randomUUID().toString();
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit((Callable<Response>) () -> create(key, body)));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                if (response.statusCode() == 409) {
                    problem(response, 409, "idempotency-key-in-use");
                    assertTrue(Integer.parseInt(response.header("Retry-After")) >= 1);
                } else {
                    assertEquals(201, response.statusCode(), response.asString());
                    ids.add(response.jsonPath().getLong("id"));
                }
            }
            assertTrue(!ids.isEmpty());
            assertEquals(1, ids.stream().distinct().count(), "every 201 names the same article: " + ids);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, articlesIn(category));
        create(key, body).then().statusCode(201).header(IdempotencyFilter.REPLAYED, "true");
    }

    @Test
    void shouldCountAViewOnceForOneKey() {
        long article = newArticle(newCategory(), newSource(), "2026-10-01T10:00:00Z");
        String key = UUID.randomUUID().toString();

        long first = given().header(IdempotencyFilter.HEADER, key)
                .post("/v1/articles/" + article + "/views")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("views");
        long again = given().header(IdempotencyFilter.HEADER, key)
                .post("/v1/articles/" + article + "/views")
                .then()
                .statusCode(200)
                .header(IdempotencyFilter.REPLAYED, "true")
                .extract()
                .jsonPath()
                .getLong("views");
        long another = given().post("/v1/articles/" + article + "/views")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("views");

        assertEquals(first, again);
        assertEquals(first + 1, another);
    }

    @Test
    void shouldKeepAKeyForTwentyFourHoursAndThenForgetIt() {
        String category = newCategory();
        Map<String, Object> body = article(category, newSource(), "2026-10-01T10:00:00Z");
        String key = UUID.randomUUID().toString();
        create(key, body).then().statusCode(201);

        age(Duration.ZERO, Duration.ofHours(23));
        create(key, body).then().statusCode(201).header(IdempotencyFilter.REPLAYED, "true");
        assertEquals(1, articlesIn(category));

        age(Duration.ofHours(23), Duration.ofHours(25));
        create(key, body).then().statusCode(201);
        assertEquals(2, articlesIn(category), "after 25 hours the key is new again");
    }

    /** A claim row as an instance leaves it behind, for this key and exactly this body. */
    private void leaveClaim(String key, String body, String claimedAt, boolean committed) {
        String scope = IdempotencyFilter.scope("Bearer " + EDITOR_KEY, key);
        String fingerprint = IdempotencyFilter.fingerprint(
                "POST", "/v1/articles", null, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        QuarkusTransaction.requiringNew()
                .run(() -> database.em()
                        .createNativeQuery("insert into idempotency_key"
                                + " (scope, fingerprint, token, claimed_at, committed_at) values (:scope, :fingerprint, 'other',"
                                + " " + claimedAt + ", " + (committed ? claimedAt : "null") + ")")
                        .setParameter("scope", scope)
                        .setParameter("fingerprint", fingerprint)
                        .executeUpdate());
    }

    private static Response createRaw(String key, String body) {
        return editor().header(IdempotencyFilter.HEADER, key).body(body).post("/v1/articles");
    }

    private static String json(Map<String, Object> body) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
    }

    @Test
    void shouldTakeOverAClaimWhoseInstanceStoppedBeforeItsWriteCommitted() throws IOException {
        String category = newCategory();
        String body = json(article(category, newSource(), "2026-10-01T10:00:00Z"));
        String key = UUID.randomUUID().toString();
        leaveClaim(key, body, "current_timestamp - interval '120' second", false);

        createRaw(key, body).then().statusCode(201);
        createRaw(key, body).then().statusCode(201).header(IdempotencyFilter.REPLAYED, "true");
        assertEquals(1, articlesIn(category));
    }

    @Test
    void shouldWaitForAFreshClaimInsteadOfWritingAgain() throws IOException {
        String category = newCategory();
        String body = json(article(category, newSource(), "2026-10-01T10:00:00Z"));
        String key = UUID.randomUUID().toString();
        leaveClaim(key, body, "current_timestamp", false);

        Response response = createRaw(key, body);
        problem(response, 409, "idempotency-key-in-use");
        assertEquals("1", response.header("Retry-After"));
        assertEquals(0, articlesIn(category));
    }

    @Test
    void shouldNeverWriteAgainWhenTheFirstWriteCommittedButItsAnswerWasLost() throws IOException {
        String category = newCategory();
        String body = json(article(category, newSource(), "2026-10-01T10:00:00Z"));
        String key = UUID.randomUUID().toString();
        leaveClaim(key, body, "current_timestamp - interval '3600' second", true);

        String detail =
                problem(createRaw(key, body), 409, "idempotency-key-in-use").getString("detail");
        assertTrue(detail.contains("was carried out"), detail);
        assertEquals(0, articlesIn(category));
    }

    @Test
    void shouldMarkTheClaimCommittedInTheWritesOwnTransaction() {
        String category = newCategory();
        Map<String, Object> body = article(category, newSource(), "2026-10-01T10:00:00Z");
        String key = UUID.randomUUID().toString();
        create(key, body).then().statusCode(201);

        Object committed = QuarkusTransaction.requiringNew()
                .call(() -> database.em()
                        .createNativeQuery("select committed_at from idempotency_key where scope = :scope")
                        .setParameter("scope", IdempotencyFilter.scope("Bearer " + EDITOR_KEY, key))
                        .getSingleResult());
        assertTrue(committed != null, "committed_at is set by the write");
    }

    @Test
    void shouldRefuseKeysThatAreEmptyTooLongOrNotAscii() {
        String category = newCategory();
        Map<String, Object> body = article(category, newSource(), "2026-10-01T10:00:00Z");
        for (String key : List.of("", " ", "x".repeat(IdempotencyFilter.MAX_LENGTH + 1), "schlüssel", "a b")) {
            problem(create(key, body), 400, "invalid-header");
        }
        assertEquals(0, articlesIn(category));
    }

    @Test
    void shouldHonourTheKeyOnEveryPost() throws IOException, ClassNotFoundException {
        Path classes = Paths.get("target/classes");
        List<String> unmarked = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("io/newsdesk"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                for (Method method :
                        Class.forName(name, false, getClass().getClassLoader()).getDeclaredMethods()) {
                    if (method.isAnnotationPresent(POST.class) && !method.isAnnotationPresent(Idempotent.class)) {
                        unmarked.add(name + "." + method.getName());
                    }
                }
            }
        }
        assertEquals(List.of(), unmarked);
    }

    /** Moves the keys claimed about {@code from} ago back to {@code to} ago, as if that much time had passed. */
    private void age(Duration from, Duration to) {
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew()
                .run(() -> database.em()
                        .createNativeQuery("update idempotency_key set"
                                + " claimed_at = :then where claimed_at > :after and claimed_at < :before")
                        .setParameter("then", now.minus(to))
                        .setParameter("after", now.minus(from).minusSeconds(600))
                        .setParameter("before", now.minus(from).plusSeconds(600))
                        .executeUpdate());
    }
}
