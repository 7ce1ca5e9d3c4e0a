package io.newsdesk.caching;

import static io.newsdesk.caching.CorsTest.EDITOR_SITE;
import static io.newsdesk.caching.CorsTest.READER;
import static io.newsdesk.caching.CorsTest.allowed;
import static io.newsdesk.caching.CorsTest.assertReadableFromAnyOrigin;
import static io.newsdesk.caching.CorsTest.preflight;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * A deployment with its own caching policy and an editor site allowed to write: Cache-Control is the
 * configured one on 200s and 304s, and writes (and their preflights) from the editor site echo its origin
 * with Vary: Origin, while every other origin is still refused. The profile restarts the application.
 */
@QuarkusTest
@TestProfile(EditorSiteTest.EditorSite.class)
class EditorSiteTest extends CachingSupport {

    static final String CACHE_CONTROL = "public, max-age=120, stale-while-revalidate=600, stale-if-error=86400";

    public static class EditorSite implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "newsdesk.caching.cache-control",
                    CACHE_CONTROL,
                    "newsdesk.cors.write-origins",
                    EDITOR_SITE + ",https://second.example:8443");
        }
    }

    @Test
    void everyReadAndItsNotModifiedCarryTheConfiguredCacheControl() {
        Newsroom newsroom = newsroom(1);
        for (String url : List.of(
                newsroom.articles("json"),
                newsroom.articles("rss"),
                "/v1/articles/" + newsroom.ids().get(0),
                "/v1/categories",
                "/v1/sources/" + newsroom.source(),
                "/v1/dates?category=" + newsroom.category())) {
            Response full = get(url);
            assertEquals(200, full.statusCode(), url);
            assertValidators(full, CACHE_CONTROL);
            ConditionalGetTest.assertNotModified(full, get(url, "If-None-Match", full.header("ETag")));
        }
    }

    @Test
    void aPreflightForAWriteFromTheEditorSiteIsAllowedForThatOriginOnly() {
        long id = newsroom(1).ids().get(0);
        Response response =
                preflight("/v1/articles/" + id, EDITOR_SITE, "PUT", "authorization, content-type, if-match");
        assertEquals(204, response.statusCode());
        assertEquals(EDITOR_SITE, response.header("Access-Control-Allow-Origin"));
        assertTrue(vary(response).contains("origin"), "Vary: Origin");
        List<String> methods = allowed(response, "Access-Control-Allow-Methods");
        assertTrue(methods.containsAll(List.of("put", "delete", "post")), methods::toString);
        List<String> headers = allowed(response, "Access-Control-Allow-Headers");
        assertTrue(headers.containsAll(List.of("authorization", "content-type", "if-match")), headers::toString);

        Response second = preflight("/v1/articles", "https://second.example:8443", "POST", "authorization");
        assertEquals("https://second.example:8443", second.header("Access-Control-Allow-Origin"));
    }

    @Test
    void otherOriginsStillCannotWrite() {
        long id = newsroom(1).ids().get(0);
        for (String origin : List.of(
                READER, "https://editor.example.evil", "http://editor.example", "https://editor.example:8443")) {
            Response response = preflight("/v1/articles/" + id, origin, "DELETE", "authorization");
            assertNull(response.header("Access-Control-Allow-Origin"), origin);
        }
    }

    @Test
    void aWriteFromTheEditorSiteEchoesItsOriginAndExposesTheNewTag() {
        Newsroom newsroom = newsroom(0);
        Response created = editor().header("Origin", EDITOR_SITE)
                .body(article(newsroom.category(), newsroom.source(), "2026-03-01T10:00:00Z"))
                .post("/v1/articles");
        assertEquals(201, created.statusCode());
        assertEquals(EDITOR_SITE, created.header("Access-Control-Allow-Origin"));
        assertTrue(vary(created).containsAll(List.of("origin", "accept")), vary(created)::toString);
        assertTrue(allowed(created, "Access-Control-Expose-Headers").containsAll(List.of("etag", "location")));

        long id = created.jsonPath().getLong("id");
        Response stale = retitleFrom(id, "\"nope\"");
        assertEquals(412, stale.statusCode());
        assertEquals(EDITOR_SITE, stale.header("Access-Control-Allow-Origin"), "the page may read the problem");
        Response updated = retitleFrom(id, created.header("ETag"));
        assertEquals(200, updated.statusCode(), updated::asString);
        assertEquals(EDITOR_SITE, updated.header("Access-Control-Allow-Origin"));
    }

    @Test
    void readsFromTheEditorSiteAreStillPublic() {
        Response response = get(newsroom(1).articles("json"), "Origin", EDITOR_SITE);
        assertEquals(200, response.statusCode());
        assertReadableFromAnyOrigin(response);
    }

    private static Response retitleFrom(long id, String ifMatch) {
        Map<String, Object> body = body(id);
        body.put("title", "From the editor site " + uniqueSlug("t"));
        return editor().header("Origin", EDITOR_SITE)
                .header("If-Match", ifMatch)
                .body(body)
                .put("/v1/articles/" + id);
    }
}
