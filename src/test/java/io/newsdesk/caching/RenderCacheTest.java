package io.newsdesk.caching;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The render cache answers repeated reads without the database, and never after a committed write: every write
 * through the API (edit, create, delete, view count, category rename) is visible to the very next read of a
 * URL that was cached before it, in every format.
 */
@QuarkusTest
class RenderCacheTest extends CachingSupport {

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml", "rss", "atom", "jsonfeed", "html"})
    void shouldServeRepeatedReadsFromTheCacheAndShowAnEditOnTheNextRead(String format) {
        Newsroom newsroom = newsroom(3);
        long newest = newsroom.ids().get(2);
        String url = newsroom.articles(format);
        Response first = ok(url, format);
        double hits = Metrics.reads("hit", "full");
        Response second = ok(url, format);
        assertEquals(hits + 1, Metrics.reads("hit", "full"), "the second read is a cache hit");
        assertEquals(first.asString(), second.asString());
        assertEquals(first.header("ETag"), second.header("ETag"));

        String title = given().get("/v1/articles/" + newest).jsonPath().getString("title");
        assertEquals(200, retitle(newest, null).statusCode());
        String retitled = given().get("/v1/articles/" + newest).jsonPath().getString("title");
        assertNotEquals(title, retitled);

        Response after = ok(url, format);
        List<String> titles = Titles.of(format, after.asByteArray());
        assertTrue(titles.contains(retitled), () -> format + " shows " + titles + ", not " + retitled);
        assertTrue(!titles.contains(title), () -> format + " still shows " + title);
        assertNotEquals(first.header("ETag"), after.header("ETag"));
    }

    @Test
    void shouldShowACreatedAndADeletedArticleOnTheNextRead() {
        Newsroom newsroom = newsroom(2);
        String url = newsroom.articles("rss");
        assertEquals(2, Titles.of("rss", ok(url, "rss").asByteArray()).size());
        ok(url, "rss");
        newsroom.publish("2026-03-09T12:00:00Z");
        assertEquals(3, Titles.of("rss", ok(url, "rss").asByteArray()).size());
        assertEquals(204, delete(newsroom.ids().get(0), null).statusCode());
        assertEquals(2, Titles.of("rss", ok(url, "rss").asByteArray()).size());
    }

    @Test
    void shouldShowAViewCountOnTheNextRead() {
        Newsroom newsroom = newsroom(1);
        long id = newsroom.ids().get(0);
        String url = "/v1/articles/" + id;
        assertEquals(0, ok(url, "json").jsonPath().getLong("views"));
        ok(url, "json");
        countView(id);
        assertEquals(1, ok(url, "json").jsonPath().getLong("views"));
        assertEquals(1, ok(newsroom.articles("json"), "json").jsonPath().getLong("items[0].views"));
    }

    @Test
    void shouldShowARenamedCategoryInEveryCachedArticle() {
        Newsroom newsroom = newsroom(1);
        String url = "/v1/articles/" + newsroom.ids().get(0);
        ok(url, "json");
        ok(url, "json");
        editor().body(Map.of("slug", newsroom.category(), "name", "Renamed " + newsroom.category()))
                .put("/v1/categories/" + newsroom.category())
                .then()
                .statusCode(200);
        assertEquals(
                "Renamed " + newsroom.category(), ok(url, "json").jsonPath().getString("category.name"));
    }

    @Test
    void shouldAnswerARepeatedConditionalReadFromTheCache() {
        Newsroom newsroom = newsroom(2);
        String url = newsroom.articles("rss");
        String etag = ok(url, "rss").header("ETag");
        get(url, "If-None-Match", etag).then().statusCode(304);
        double hits = Metrics.reads("hit", "not_modified");
        Response notModified = get(url, "If-None-Match", etag);
        assertEquals(304, notModified.statusCode());
        assertEquals(etag, notModified.header("ETag"));
        assertEquals(hits + 1, Metrics.reads("hit", "not_modified"));
        assertEquals(200, retitle(newsroom.ids().get(1), null).statusCode());
        assertEquals(200, get(url, "If-None-Match", etag).statusCode(), "an edit makes the old tag stale at once");
    }
}
