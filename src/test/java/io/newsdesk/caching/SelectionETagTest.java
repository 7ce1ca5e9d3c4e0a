package io.newsdesk.caching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Validators are per selection: writes outside a selection leave its ETag alone, every kind of write inside it
 * changes it, in every format; tags tell formats and selections apart and are stable while nothing changes.
 * Fixtures that a test needs "outside" are made before the first tag is read: a new category or source
 * changes every selection's tag (their names appear in every article).
 */
@QuarkusTest
class SelectionETagTest extends CachingSupport {

    @ParameterizedTest
    @FieldSource("io.newsdesk.caching.CachingSupport#FORMATS")
    void tagsDifferAcrossFormats(String format) {
        Newsroom newsroom = newsroom(2);
        String tag = etag(newsroom.articles(format), format);
        for (String other : List.of("json", "xml", "rss", "atom", "jsonfeed", "html")) {
            if (!other.equals(format)) {
                assertNotEquals(etag(newsroom.articles(other), other), tag, format + " vs " + other);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("io.newsdesk.caching.CachingSupport#FORMATS")
    void tagsDifferAcrossSelections(String format) {
        Newsroom newsroom = newsroom(3);
        Newsroom other = newsroom(3);
        Set<String> tags = new HashSet<>();
        for (String url : List.of(
                newsroom.articles(format),
                other.articles(format),
                newsroom.articles(format) + "&limit=1",
                newsroom.articles(format) + "&sort=oldest",
                "/v1/articles?source=" + newsroom.source() + "&format=" + format,
                "/v1/articles?category=" + newsroom.category() + "&category=" + other.category() + "&format=" + format,
                "/v1/articles?format=" + format)) {
            tags.add(etag(url, format));
        }
        assertEquals(7, tags.size(), tags::toString);
    }

    @ParameterizedTest
    @FieldSource("io.newsdesk.caching.CachingSupport#FORMATS")
    void sameContentGivesTheSameTagOnEveryRequest(String format) {
        Newsroom newsroom = newsroom(3);
        Response first = ok(newsroom.articles(format), format);
        for (int i = 0; i < 3; i++) {
            Response again = ok(newsroom.articles(format), format);
            assertEquals(first.header("ETag"), again.header("ETag"));
            assertEquals(first.header("Last-Modified"), again.header("Last-Modified"));
            assertArrayEquals(first.asByteArray(), again.asByteArray(), "same tag, same bytes");
        }
    }

    @ParameterizedTest
    @FieldSource("io.newsdesk.caching.CachingSupport#FORMATS")
    void pureReadsLeaveTheTagAlone(String format) {
        Newsroom newsroom = newsroom(2);
        String before = etag(newsroom.articles(format), format);
        for (long id : newsroom.ids()) {
            for (String any : List.of("json", "xml", "rss", "atom", "jsonfeed", "html")) {
                get("/v1/articles/" + id + "?format=" + any).then().statusCode(200);
            }
        }
        get("/v1/dates?category=" + newsroom.category()).then().statusCode(200);
        get("/v1/categories/" + newsroom.category()).then().statusCode(200);
        get(newsroom.articles("json") + "&limit=1").then().statusCode(200);
        assertEquals(before, etag(newsroom.articles(format), format));
    }

    @ParameterizedTest
    @FieldSource("io.newsdesk.caching.CachingSupport#FORMATS")
    void writesOutsideTheSelectionLeaveItsValidatorsAlone(String format) {
        Newsroom newsroom = newsroom(2);
        Newsroom outside = newsroom(1);
        Response before = ok(newsroom.articles(format), format);
        outside.publish("2026-03-05T12:00:00Z");
        assertUnchanged(before, ok(newsroom.articles(format), format), "insert outside");
        retitle(outside.ids().get(0), null).then().statusCode(200);
        assertUnchanged(before, ok(newsroom.articles(format), format), "update outside");
        countView(outside.ids().get(0));
        assertUnchanged(before, ok(newsroom.articles(format), format), "view outside");
    }

    @ParameterizedTest
    @FieldSource("io.newsdesk.caching.CachingSupport#FORMATS")
    void removalsOutsideTheSelectionLeaveItsTagAlone(String format) {
        // the removal watermark is shared by all selections; it may move Last-Modified, never the ETag
        Newsroom newsroom = newsroom(2);
        Newsroom outside = newsroom(2);
        Newsroom elsewhere = newsroom(0);
        String before = etag(newsroom.articles(format), format);
        delete(outside.ids().get(0), null).then().statusCode(204);
        assertEquals(before, etag(newsroom.articles(format), format), "delete outside");
        var body = body(outside.ids().get(1));
        body.put("category", elsewhere.category());
        editor().body(body).put("/v1/articles/" + outside.ids().get(1)).then().statusCode(200);
        assertEquals(before, etag(newsroom.articles(format), format), "move between two other categories");
    }

    @ParameterizedTest
    @FieldSource("io.newsdesk.caching.CachingSupport#FORMATS")
    void insertUpdateAndDeleteInsideTheSelectionEachChangeItsTag(String format) {
        Newsroom newsroom = newsroom(2);
        Set<String> seen = new HashSet<>();
        seen.add(etag(newsroom.articles(format), format));

        retitle(newsroom.ids().get(0), null).then().statusCode(200);
        assertEquals(true, seen.add(etag(newsroom.articles(format), format)), "changed by the update");

        newsroom.publish("2026-03-07T09:00:00Z");
        assertEquals(true, seen.add(etag(newsroom.articles(format), format)), "changed by the insert");

        delete(newsroom.ids().get(1), null).then().statusCode(204);
        assertEquals(true, seen.add(etag(newsroom.articles(format), format)), "changed by the delete");
    }

    @ParameterizedTest
    @FieldSource("io.newsdesk.caching.CachingSupport#FORMATS")
    void deletingTheOldestArticleChangesTheTagToo(String format) {
        // the newest updated_at stays the same: only the count (and the watermark) can tell
        Newsroom newsroom = newsroom(3);
        String before = etag(newsroom.articles(format), format);
        delete(newsroom.ids().get(0), null).then().statusCode(204);
        assertNotEquals(before, etag(newsroom.articles(format), format));
    }

    @ParameterizedTest
    @FieldSource("io.newsdesk.caching.CachingSupport#FORMATS")
    void movingAnArticleOutOrInChangesBothSelections(String format) {
        Newsroom from = newsroom(2);
        Newsroom to = newsroom(1);
        String fromBefore = etag(from.articles(format), format);
        String toBefore = etag(to.articles(format), format);
        var body = body(from.ids().get(0));
        body.put("category", to.category());
        editor().body(body).put("/v1/articles/" + from.ids().get(0)).then().statusCode(200);
        assertNotEquals(fromBefore, etag(from.articles(format), format), "moved out");
        assertNotEquals(toBefore, etag(to.articles(format), format), "moved in");
    }

    @ParameterizedTest
    @FieldSource("io.newsdesk.caching.CachingSupport#FORMATS")
    void aTagChangesExactlyWhenAViewChangesTheBytes(String format) {
        // views are in JSON and XML; feeds carry no view counts, so a view must not cost their pollers a 200
        Newsroom newsroom = newsroom(2);
        Response before = ok(newsroom.articles(format), format);
        countView(newsroom.ids().get(0));
        Response after = ok(newsroom.articles(format), format);
        boolean sameBytes = before.asString().equals(after.asString());
        assertEquals(
                sameBytes,
                before.header("ETag").equals(after.header("ETag")),
                "a view " + (sameBytes ? "left the " : "changed the ") + format + " bytes");
        if (List.of("json", "xml").contains(format)) {
            assertNotEquals(before.header("ETag"), after.header("ETag"), "views are in the body");
        }
    }

    @ParameterizedTest
    @FieldSource("io.newsdesk.caching.CachingSupport#FORMATS")
    void categoryRenameChangesTheTagsOfItsArticles(String format) {
        Newsroom newsroom = newsroom(1);
        String before = etag(newsroom.articles(format), format);
        editor().body(java.util.Map.of("slug", newsroom.category(), "name", "Renamed " + newsroom.category()))
                .put("/v1/categories/" + newsroom.category())
                .then()
                .statusCode(200);
        assertNotEquals(before, etag(newsroom.articles(format), format));
    }

    private static void assertUnchanged(Response before, Response after, String write) {
        assertEquals(before.header("ETag"), after.header("ETag"), write);
        assertEquals(before.header("Last-Modified"), after.header("Last-Modified"), write);
    }
}
