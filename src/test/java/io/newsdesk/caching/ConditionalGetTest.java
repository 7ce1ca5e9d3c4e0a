package io.newsdesk.caching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Conditional GET (RFC 9110 §13): If-None-Match (weak comparison, lists, *) and If-Modified-Since answer 304
 * with no body and the same ETag, Cache-Control and Vary; If-None-Match wins over If-Modified-Since.
 */
@QuarkusTest
class ConditionalGetTest extends CachingSupport {

    /** A 304 with no body that repeats the 200's validators and caching headers. */
    static void assertNotModified(Response full, Response conditional) {
        assertEquals(304, conditional.statusCode(), conditional::asString);
        assertEquals(0, conditional.asByteArray().length, "a 304 has no body");
        assertEquals(full.header("ETag"), conditional.header("ETag"));
        assertEquals(full.header("Last-Modified"), conditional.header("Last-Modified"));
        assertEquals(full.header("Cache-Control"), conditional.header("Cache-Control"));
        assertEquals(vary(full), vary(conditional));
    }

    static void assertFull(Response full, Response conditional) {
        assertEquals(200, conditional.statusCode());
        assertEquals(full.header("ETag"), conditional.header("ETag"));
        assertEquals(full.asString(), conditional.asString());
    }

    @ParameterizedTest
    @FieldSource("io.newsdesk.caching.CachingSupport#FORMATS")
    void theExactTagIsNotModified(String format) {
        String url = newsroom(2).articles(format);
        Response full = ok(url, format);
        assertNotModified(full, get(url, "If-None-Match", full.header("ETag")));
    }

    @ParameterizedTest
    @FieldSource("io.newsdesk.caching.CachingSupport#FORMATS")
    void weakFormListsAndStarMatch(String format) {
        String url = newsroom(2).articles(format);
        Response full = ok(url, format);
        String tag = full.header("ETag");
        assertNotModified(full, get(url, "If-None-Match", "W/" + tag));
        assertNotModified(full, get(url, "If-None-Match", "\"a\", " + tag));
        assertNotModified(full, get(url, "If-None-Match", "\"a\",W/" + tag + " , \"b\""));
        assertNotModified(full, get(url, "If-None-Match", "*"));
    }

    @ParameterizedTest
    @FieldSource("io.newsdesk.caching.CachingSupport#FORMATS")
    void aTagThatDoesNotMatchGetsTheWholeRepresentation(String format) {
        String url = newsroom(2).articles(format);
        Response full = ok(url, format);
        String tag = full.header("ETag");
        assertFull(full, get(url, "If-None-Match", "\"nope\""));
        assertFull(full, get(url, "If-None-Match", "\"a\", \"b\""));
        assertFull(full, get(url, "If-None-Match", tag.substring(0, tag.length() - 2) + "\""));
        String otherFormat = format.equals("json") ? "rss" : "json";
        assertFull(
                full,
                get(url, "If-None-Match", etag(url.replace("format=" + format, "format=" + otherFormat), otherFormat)));
    }

    @ParameterizedTest
    @FieldSource("io.newsdesk.caching.CachingSupport#FORMATS")
    void ifModifiedSinceAtOrAfterLastModifiedIsNotModified(String format) {
        String url = newsroom(2).articles(format);
        Response full = ok(url, format);
        Instant lastModified = lastModified(full);
        assertNotModified(full, get(url, "If-Modified-Since", full.header("Last-Modified")));
        assertNotModified(full, get(url, "If-Modified-Since", httpDate(lastModified.plusSeconds(3600))));
        assertFull(full, get(url, "If-Modified-Since", httpDate(lastModified.minusSeconds(1))));
        assertFull(full, get(url, "If-Modified-Since", "yesterday"));
    }

    @ParameterizedTest
    @FieldSource("io.newsdesk.caching.CachingSupport#FORMATS")
    void ifNoneMatchTakesPrecedenceOverIfModifiedSince(String format) {
        String url = newsroom(2).articles(format);
        Response full = ok(url, format);
        String future = httpDate(lastModified(full).plusSeconds(86_400));
        String past = httpDate(lastModified(full).minusSeconds(86_400));
        assertFull(full, get(url, "If-None-Match", "\"other\"", "If-Modified-Since", future));
        assertNotModified(full, get(url, "If-None-Match", full.header("ETag"), "If-Modified-Since", past));
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "rss"})
    void afterADeleteInsideTheSelectionTheOldLastModifiedIsModified(String format) throws InterruptedException {
        // the deleted row is gone, so only the removal watermark can move Last-Modified
        Newsroom newsroom = newsroom(3);
        Response before = ok(newsroom.articles(format), format);
        nextSecondAfter(lastModified(before));
        delete(newsroom.ids().get(0), null).then().statusCode(204);
        Response after = get(newsroom.articles(format), "If-Modified-Since", before.header("Last-Modified"));
        assertEquals(200, after.statusCode());
        assertTrue(lastModified(after).isAfter(lastModified(before)));
        assertEquals(
                200,
                get(newsroom.articles(format), "If-None-Match", before.header("ETag"))
                        .statusCode(),
                "the old tag no longer matches");
        assertNotModified(after, get(newsroom.articles(format), "If-Modified-Since", after.header("Last-Modified")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "atom"})
    void afterAnEditInsideTheSelectionTheOldValidatorsAreModified(String format) throws InterruptedException {
        Newsroom newsroom = newsroom(2);
        Response before = ok(newsroom.articles(format), format);
        nextSecondAfter(lastModified(before));
        retitle(newsroom.ids().get(0), null).then().statusCode(200);
        assertEquals(
                200,
                get(newsroom.articles(format), "If-Modified-Since", before.header("Last-Modified"))
                        .statusCode());
        assertEquals(
                200,
                get(newsroom.articles(format), "If-None-Match", before.header("ETag"))
                        .statusCode());
    }

    @Test
    void everyKindOfReadAnswers304ToItsOwnTag() {
        Newsroom newsroom = newsroom(2);
        long id = newsroom.ids().get(0);
        for (String url : new String[] {
            "/v1/articles/" + id,
            "/v1/articles/" + id + "?format=atom",
            "/v1/categories",
            "/v1/categories/" + newsroom.category() + "?format=xml",
            "/v1/sources",
            "/v1/sources/" + newsroom.source(),
            "/v1/dates?category=" + newsroom.category(),
            "/v1/dates?format=xml"
        }) {
            Response full = get(url);
            assertEquals(200, full.statusCode(), url);
            assertNotModified(full, get(url, "If-None-Match", full.header("ETag")));
            assertNotModified(full, get(url, "If-Modified-Since", full.header("Last-Modified")));
        }
    }

    @Test
    void aNegotiatedRepresentationIsNotModifiedOnlyForItsOwnTag() {
        Newsroom newsroom = newsroom(1);
        String url = "/v1/articles?category=" + newsroom.category();
        Response rss = get(url, "Accept", "application/rss+xml");
        assertEquals(200, rss.statusCode());
        assertNotModified(rss, get(url, "Accept", "application/rss+xml", "If-None-Match", rss.header("ETag")));
        assertEquals(
                200,
                get(url, "Accept", "application/atom+xml", "If-None-Match", rss.header("ETag"))
                        .statusCode(),
                "another representation of the same URL");
    }

    @Test
    void problemsAreNotConditional() {
        assertEquals(400, get("/v1/articles?limit=0", "If-None-Match", "*").statusCode());
        assertEquals(
                404,
                get("/v1/articles?category=no-such-category-anywhere", "If-None-Match", "*")
                        .statusCode());
        assertEquals(404, get("/v1/articles/999999999", "If-None-Match", "*").statusCode());
    }
}
