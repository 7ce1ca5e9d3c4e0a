package io.newsdesk.auth;

import static io.newsdesk.problem.ProblemAssert.problem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class EditorAuthTest extends ApiTest {

    /** Every write endpoint that needs a key. */
    enum Write {
        CREATE_ARTICLE,
        REPLACE_ARTICLE,
        DELETE_ARTICLE,
        CREATE_CATEGORY,
        REPLACE_CATEGORY,
        DELETE_CATEGORY,
        CREATE_SOURCE,
        REPLACE_SOURCE,
        DELETE_SOURCE
    }

    /** Authorization values that must not open a write; null sends no header at all. */
    static final List<String> REFUSED = java.util.Arrays.asList(
            null,
            "",
            "   ",
            "Bearer wrong-key",
            "Basic dGVzdDp0ZXN0",
            EDITOR_KEY,
            "Bearer",
            "Bearer ",
            "Bearer  ",
            "Token " + EDITOR_KEY,
            "Bearer " + EDITOR_KEY + "x",
            "Bearer " + EDITOR_KEY.toUpperCase(),
            "Bearertest-editor-key-0123456789abcdef0123",
            "Bearer test-editor-key-0123456789abcdef0123,second-editor-key-0123456789abcdef0");

    /** One category and one source with one article, and an empty category and source to delete. */
    record Fixture(String category, String source, long article, String emptyCategory, String emptySource) {

        static Fixture create() {
            String category = newCategory();
            String source = newSource();
            long article = newArticle(category, source, "2026-08-01T10:00:00Z");
            return new Fixture(category, source, article, newCategory(), newSource());
        }

        /** Everything a refused write could have changed. */
        Map<String, Object> read() {
            return Map.of(
                    "article",
                    given().get("/v1/articles/" + article)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getMap(""),
                    "category",
                    given().get("/v1/categories/" + category)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getMap(""),
                    "source",
                    given().get("/v1/sources/" + source)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getMap(""),
                    "emptyCategory",
                    given().get("/v1/categories/" + emptyCategory)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getMap(""),
                    "emptySource",
                    given().get("/v1/sources/" + emptySource)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getMap(""));
        }

        Response send(Write write, RequestSpecification request, String newSlug) {
            request.contentType(ContentType.JSON);
            return switch (write) {
                case CREATE_ARTICLE ->
                    request.body(ApiTest.article(category, source, "2026-08-02T10:00:00Z"))
                            .post("/v1/articles");
                case REPLACE_ARTICLE ->
                    request.body(ApiTest.article(category, source, "2026-08-03T10:00:00Z"))
                            .put("/v1/articles/" + article);
                case DELETE_ARTICLE -> request.delete("/v1/articles/" + article);
                case CREATE_CATEGORY ->
                    request.body(Map.of("slug", newSlug, "name", "New")).post("/v1/categories");
                case REPLACE_CATEGORY ->
                    request.body(Map.of("slug", newSlug, "name", "New")).put("/v1/categories/" + category);
                case DELETE_CATEGORY -> request.delete("/v1/categories/" + emptyCategory);
                case CREATE_SOURCE ->
                    request.body(Map.of("slug", newSlug, "name", "New", "url", "https://n.example/"))
                            .post("/v1/sources");
                case REPLACE_SOURCE ->
                    request.body(Map.of("slug", newSlug, "name", "New", "url", "https://n.example/"))
                            .put("/v1/sources/" + source);
                case DELETE_SOURCE -> request.delete("/v1/sources/" + emptySource);
            };
        }
    }

    /** Each refused Authorization value against every write endpoint; null sends no header. */
    static Stream<Arguments> refusedAuthorizations() {
        return REFUSED.stream().map(authorization -> Arguments.of(authorization));
    }

    @ParameterizedTest(name = "Authorization [{0}]")
    @MethodSource("refusedAuthorizations")
    void shouldReturn401WithBearerChallengeOnEveryWriteAndChangeNothing(String authorization) {
        Fixture fixture = Fixture.create();
        Map<String, Object> before = fixture.read();
        int articles = given().queryParam("category", fixture.category())
                .get("/v1/articles")
                .jsonPath()
                .getList("items")
                .size();

        for (Write write : Write.values()) {
            String newSlug = uniqueSlug("refused");
            RequestSpecification request = given();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }

            Response response = fixture.send(write, request, newSlug);

            JsonPath body = problem(response, 401, "unauthorized");
            String challenge = response.header("WWW-Authenticate");
            assertTrue(challenge != null && challenge.startsWith("Bearer"), write + ": " + challenge);
            assertTrue(body.getString("detail").contains("Bearer"), body.getString("detail"));
            assertEquals(before, fixture.read(), write.name());
            problem(given().get("/v1/categories/" + newSlug), 404, "not-found");
            problem(given().get("/v1/sources/" + newSlug), 404, "not-found");
        }
        assertEquals(
                articles,
                given().queryParam("category", fixture.category())
                        .get("/v1/articles")
                        .jsonPath()
                        .getList("items")
                        .size());
    }

    /** Every other way a client might send the right key: a query parameter, another header, another scheme. */
    static Stream<Arguments> otherCarriers() {
        String basicKey = Base64.getEncoder().encodeToString(EDITOR_KEY.getBytes(StandardCharsets.UTF_8));
        String basicUser =
                Base64.getEncoder().encodeToString(("editor:" + EDITOR_KEY).getBytes(StandardCharsets.UTF_8));
        String basicPassword = Base64.getEncoder().encodeToString((":" + EDITOR_KEY).getBytes(StandardCharsets.UTF_8));
        Stream<Arguments> queries = Stream.of(
                        "key",
                        "api_key",
                        "apiKey",
                        "access_token",
                        "token",
                        "editor_key",
                        "authorization",
                        "Authorization")
                .map(name -> Arguments.of("query " + name, name, null, null));
        Stream<Arguments> headers = Stream.of(
                        "X-Api-Key", "X-API-KEY", "Api-Key", "X-Editor-Key", "X-Auth-Token", "Token")
                .map(name -> Arguments.of("header " + name, null, name, EDITOR_KEY));
        Stream<Arguments> schemes = Stream.of(
                Arguments.of("Basic key", null, "Authorization", "Basic " + basicKey),
                Arguments.of("Basic editor:key", null, "Authorization", "Basic " + basicUser),
                Arguments.of("Basic :key", null, "Authorization", "Basic " + basicPassword),
                Arguments.of("Basic raw key", null, "Authorization", "Basic " + EDITOR_KEY),
                Arguments.of("Token scheme", null, "Authorization", "Token " + EDITOR_KEY),
                Arguments.of("Digest scheme", null, "Authorization", "Digest " + EDITOR_KEY),
                Arguments.of("Proxy-Authorization Bearer", null, "Proxy-Authorization", "Bearer " + EDITOR_KEY),
                Arguments.of("Bearer in X-Authorization", null, "X-Authorization", "Bearer " + EDITOR_KEY),
                Arguments.of("cookie", null, "Cookie", "key=" + EDITOR_KEY + "; token=" + EDITOR_KEY));
        return Stream.of(queries, headers, schemes).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherCarriers")
    void shouldReadTheKeyFromTheAuthorizationBearerHeaderOnly(String name, String query, String header, String value) {
        String slug = uniqueSlug("carrier");
        RequestSpecification request =
                given().contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "Carrier"));
        if (query != null) {
            request.queryParam(query, EDITOR_KEY).queryParam(query, "Bearer " + EDITOR_KEY);
        }
        if (header != null) {
            request.header(header, value);
        }

        Response response = request.post("/v1/categories");

        problem(response, 401, "unauthorized");
        assertEquals("Bearer realm=\"newsdesk\"", response.header("WWW-Authenticate"));
        problem(given().get("/v1/categories/" + slug), 404, "not-found");
        // the same request with the key where it belongs goes through: the refusal was about the carrier
        editor().body(Map.of("slug", slug, "name", "Carrier"))
                .post("/v1/categories")
                .then()
                .statusCode(201);
    }

    @Test
    void shouldRefuseWithoutKeyEvenWhenTheBodyIsInvalid() {
        Response response =
                given().contentType(ContentType.JSON).body("{not json").post("/v1/articles");

        problem(response, 401, "unauthorized");
        assertEquals("Bearer realm=\"newsdesk\"", response.header("WWW-Authenticate"));
    }

    @Test
    void shouldAcceptTheSecondConfiguredKeyOnEveryWrite() {
        for (Write write : Write.values()) {
            Fixture fixture = Fixture.create();
            int status = fixture.send(
                            write,
                            given().header("Authorization", "Bearer second-editor-key-0123456789abcdef0"),
                            uniqueSlug("second"))
                    .statusCode();
            int expected = switch (write) {
                case CREATE_ARTICLE, CREATE_CATEGORY, CREATE_SOURCE -> 201;
                case REPLACE_ARTICLE, REPLACE_CATEGORY, REPLACE_SOURCE -> 200;
                case DELETE_ARTICLE, DELETE_CATEGORY, DELETE_SOURCE -> 204;
            };
            assertEquals(expected, status, write.name());
        }
    }

    @Test
    void shouldTreatTheBearerSchemeCaseInsensitively() {
        for (String scheme : List.of("bearer", "BEARER", "bEaReR")) {
            String slug = uniqueSlug("scheme");
            given().header("Authorization", scheme + " " + EDITOR_KEY)
                    .contentType(ContentType.JSON)
                    .body(Map.of("slug", slug, "name", scheme))
                    .post("/v1/categories")
                    .then()
                    .statusCode(201);
            assertEquals(
                    scheme, given().get("/v1/categories/" + slug).jsonPath().getString("name"));
        }
    }

    @Test
    void shouldCountViewsWithoutAnyKey() {
        Fixture fixture = Fixture.create();

        given().post("/v1/articles/" + fixture.article() + "/views").then().statusCode(200);
        given().header("Authorization", "Bearer wrong-key")
                .post("/v1/articles/" + fixture.article() + "/views")
                .then()
                .statusCode(200);

        assertEquals(
                2L, given().get("/v1/articles/" + fixture.article()).jsonPath().getLong("views"));
    }
}
