package io.newsdesk.caching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Optimistic concurrency: GET gives the tag that PUT and DELETE accept in If-Match (strong comparison); a stale
 * or foreign tag is a 412 problem and changes nothing; counting a view is not an edit.
 */
@QuarkusTest
class ArticleIfMatchTest extends CachingSupport {

    private static String tagOf(long id) {
        return ok("/v1/articles/" + id, "json").header("ETag");
    }

    private static String titleOf(long id) {
        return get("/v1/articles/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("title");
    }

    private static void assertPreconditionFailed(Response response) {
        assertEquals(412, response.statusCode(), response::asString);
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        assertEquals(
                "urn:newsdesk:problem:precondition-failed", response.jsonPath().getString("type"));
        assertEquals(412, response.jsonPath().getInt("status"));
    }

    @Test
    void aViewChangesTheJsonTagButATagReadBeforeItStillAllowsTheWrite() {
        long id = newsroom(1).ids().get(0);
        String before = tagOf(id);
        countView(id);
        String after = tagOf(id);
        assertNotEquals(before, after, "views are in the JSON body");
        Response put = retitle(id, before);
        assertEquals(200, put.statusCode(), put::asString);
    }

    @ParameterizedTest
    @FieldSource("io.newsdesk.caching.CachingSupport#FORMATS")
    void anArticleTagChangesExactlyWhenAViewChangesItsBytes(String format) {
        long id = newsroom(1).ids().get(0);
        Response before = ok("/v1/articles/" + id + "?format=" + format, format);
        countView(id);
        Response after = ok("/v1/articles/" + id + "?format=" + format, format);
        boolean sameBytes = before.asString().equals(after.asString());
        assertEquals(sameBytes, before.header("ETag").equals(after.header("ETag")), format);
    }

    @Test
    void aStaleTagCannotReplaceAndChangesNothing() {
        long id = newsroom(1).ids().get(0);
        String stale = tagOf(id);
        retitle(id, stale).then().statusCode(200);
        String title = titleOf(id);
        assertPreconditionFailed(retitle(id, stale));
        assertEquals(title, titleOf(id));
    }

    @Test
    void aStaleTagCannotDelete() {
        long id = newsroom(1).ids().get(0);
        String stale = tagOf(id);
        retitle(id, null).then().statusCode(200);
        assertPreconditionFailed(delete(id, stale));
        get("/v1/articles/" + id).then().statusCode(200);
    }

    @Test
    void foreignAndWeakTagsAreRefused() {
        long id = newsroom(1).ids().get(0);
        long other = newsroom(1).ids().get(0);
        String title = titleOf(id);
        String current = tagOf(id);
        for (String bad : List.of("\"nope\"", "W/" + current, tagOf(other), "nope", "\"\"")) {
            assertPreconditionFailed(retitle(id, bad));
            assertPreconditionFailed(delete(id, bad));
        }
        assertEquals(title, titleOf(id));
        assertEquals(current, tagOf(id));
    }

    @Test
    void starOrNoIfMatchProceeds() {
        Newsroom newsroom = newsroom(2);
        assertEquals(200, retitle(newsroom.ids().get(0), "*").statusCode());
        assertEquals(200, retitle(newsroom.ids().get(0), null).statusCode());
        assertEquals(204, delete(newsroom.ids().get(0), "*").statusCode());
        assertEquals(204, delete(newsroom.ids().get(1), null).statusCode());
        assertEquals(404, delete(newsroom.ids().get(1), "*").statusCode(), "gone: nothing to match");
    }

    @Test
    void aListOfTagsMatchesWhenOneIsCurrent() {
        long id = newsroom(1).ids().get(0);
        assertEquals(200, retitle(id, "\"nope\", " + tagOf(id)).statusCode());
    }

    @Test
    void writesAnswerWithTheNewTagForTheNextIfMatch() {
        Newsroom newsroom = newsroom(0);
        Response created = editor().body(article(newsroom.category(), newsroom.source(), "2026-03-01T10:00:00Z"))
                .post("/v1/articles");
        assertEquals(201, created.statusCode());
        long id = created.jsonPath().getLong("id");
        assertEquals(tagOf(id), created.header("ETag"), "the tag a GET of the new article gives");

        Response first = retitle(id, created.header("ETag"));
        assertEquals(200, first.statusCode(), first::asString);
        assertNotEquals(created.header("ETag"), first.header("ETag"));
        assertEquals(tagOf(id), first.header("ETag"), "the tag a GET gives now");

        Response second = retitle(id, first.header("ETag"));
        assertEquals(200, second.statusCode(), second::asString);
        assertPreconditionFailed(retitle(id, first.header("ETag")));
        assertEquals(204, delete(id, second.header("ETag")).statusCode());
    }

    @Test
    void aTagReadInAnotherFormatNamesTheSameVersion() {
        long id = newsroom(1).ids().get(0);
        String xml = ok("/v1/articles/" + id + "?format=xml", "xml").header("ETag");
        assertEquals(200, retitle(id, xml).statusCode());
        assertPreconditionFailed(retitle(id, xml));
    }

    @Test
    void ofTwoEditorsWhoReadTheSameVersionOnlyTheFirstWins() {
        long id = newsroom(1).ids().get(0);
        String alice = tagOf(id);
        String bob = tagOf(id);
        Map<String, Object> aliceEdit = body(id);
        aliceEdit.put("title", "Alice's headline");
        Map<String, Object> bobEdit = body(id);
        bobEdit.put("title", "Bob's headline");

        editor().header("If-Match", alice)
                .body(aliceEdit)
                .put("/v1/articles/" + id)
                .then()
                .statusCode(200);
        assertPreconditionFailed(editor().header("If-Match", bob).body(bobEdit).put("/v1/articles/" + id));
        assertEquals("Alice's headline", titleOf(id));
    }

    @Test
    void ofConcurrentWritesWithTheSameTagExactlyOneSucceeds() throws Exception {
        long id = newsroom(1).ids().get(0);
        String tag = tagOf(id);
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> edit = body(id);
            edit.put("title", "Edit " + i);
            writers.add(() -> editor().header("If-Match", tag)
                    .body(edit)
                    .put("/v1/articles/" + id)
                    .statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(writers)) {
                statuses.add(status.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses::toString);
            assertEquals(
                    writers.size() - 1, statuses.stream().filter(s -> s == 412).count(), statuses::toString);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(titleOf(id).startsWith("Edit "));
    }
}
