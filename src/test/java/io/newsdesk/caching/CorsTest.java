package io.newsdesk.caching;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * CORS with no write origins configured (the default): every read answer, 200, 304 and problems alike, allows
 * any origin and exposes the caching and paging headers; writes are not allowed from any page.
 */
@QuarkusTest
class CorsTest extends CachingSupport {

    static final String READER = "https://reader.example";
    static final String EDITOR_SITE = "https://editor.example";

    static void assertReadableFromAnyOrigin(Response response) {
        assertEquals(
                "*",
                response.header("Access-Control-Allow-Origin"),
                () -> response.headers().toString());
        List<String> exposed = tokens(response.headers().getValues("Access-Control-Expose-Headers"));
        for (String header : List.of("etag", "last-modified", "link", "location")) {
            assertTrue(exposed.contains(header), header + " exposed in " + exposed);
        }
    }

    static Response preflight(String url, String origin, String method, String headers) {
        return given().header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers)
                .options(url);
    }

    static List<String> allowed(Response response, String header) {
        return tokens(response.headers().getValues(header));
    }

    @Test
    void aReadAllowsAnyOriginAndExposesTheValidators() {
        Newsroom newsroom = newsroom(1);
        for (String url : List.of(
                newsroom.articles("json"),
                newsroom.articles("rss"),
                "/v1/articles/" + newsroom.ids().get(0),
                "/v1/categories",
                "/v1/dates")) {
            Response response = get(url, "Origin", READER);
            assertEquals(200, response.statusCode());
            assertReadableFromAnyOrigin(response);
        }
    }

    @Test
    void aNotModifiedAllowsAnyOriginToo() {
        String url = newsroom(1).articles("atom");
        String tag = get(url).header("ETag");
        Response response = get(url, "Origin", READER, "If-None-Match", tag);
        assertEquals(304, response.statusCode());
        assertReadableFromAnyOrigin(response);
    }

    @Test
    void problemsAllowAnyOriginToo() {
        Response badRequest = get("/v1/articles?limit=0", "Origin", READER);
        assertEquals(400, badRequest.statusCode());
        assertReadableFromAnyOrigin(badRequest);
        Response notFound = get("/v1/articles?category=no-such-category-anywhere", "Origin", READER);
        assertEquals(404, notFound.statusCode());
        assertReadableFromAnyOrigin(notFound);
    }

    @Test
    void withoutAnOriginThereAreNoCorsHeaders() {
        Response response = get(newsroom(1).articles("json"));
        assertNull(response.header("Access-Control-Allow-Origin"));
        assertNull(response.header("Access-Control-Expose-Headers"));
    }

    @Test
    void aPreflightForAConditionalGetIsAllowed() {
        Newsroom newsroom = newsroom(1);
        Response response = preflight(newsroom.articles("rss"), READER, "GET", "if-none-match");
        assertEquals(204, response.statusCode());
        assertEquals("*", response.header("Access-Control-Allow-Origin"));
        assertTrue(allowed(response, "Access-Control-Allow-Methods").contains("get"));
        List<String> headers = allowed(response, "Access-Control-Allow-Headers");
        assertTrue(headers.contains("if-none-match") && headers.contains("if-modified-since"), headers::toString);
    }

    @Test
    void countingAViewIsAllowedFromAnyOrigin() {
        long id = newsroom(1).ids().get(0);
        Response response = preflight("/v1/articles/" + id + "/views", READER, "POST", "accept");
        assertEquals(204, response.statusCode());
        assertEquals("*", response.header("Access-Control-Allow-Origin"));
        Response view = given().header("Origin", READER).post("/v1/articles/" + id + "/views");
        assertEquals(200, view.statusCode());
        assertEquals("*", view.header("Access-Control-Allow-Origin"));
    }

    @Test
    void aPreflightForAWriteFromAnOriginThatIsNotConfiguredIsRefused() {
        long id = newsroom(1).ids().get(0);
        for (String origin : List.of(READER, EDITOR_SITE)) {
            Response put = preflight("/v1/articles/" + id, origin, "PUT", "authorization, content-type, if-match");
            assertNull(put.header("Access-Control-Allow-Origin"), origin);
            assertNull(put.header("Access-Control-Allow-Methods"), origin);
            Response post = preflight("/v1/articles", origin, "POST", "authorization, content-type");
            assertNull(post.header("Access-Control-Allow-Origin"), origin);
        }
    }

    @Test
    void aWriteFromAnOriginThatIsNotConfiguredGetsNoCorsHeaders() {
        long id = newsroom(1).ids().get(0);
        Response put = editor().header("Origin", READER).body(body(id)).put("/v1/articles/" + id);
        assertEquals(200, put.statusCode());
        assertNull(put.header("Access-Control-Allow-Origin"), "the browser must not hand the answer to the page");
    }
}
