package io.newsdesk.caching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.BiFunction;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Categories and sources show names and article counts, so their validators move with every change to either,
 * removals included: a removal leaves no row whose updated_at could move them.
 */
@QuarkusTest
class CatalogValidatorsTest extends CachingSupport {

    private static Map<String, Object> category(String slug, String name) {
        return Map.of("slug", slug, "name", name);
    }

    private static Map<String, Object> source(String slug, String name) {
        return Map.of("slug", slug, "name", name, "url", "https://" + slug + ".example.org");
    }

    private static void assertModified(String url, String format, Response before) {
        Response after = ok(url, format);
        assertNotEquals(before.header("ETag"), after.header("ETag"), url);
        assertEquals(200, get(url, "If-None-Match", before.header("ETag")).statusCode(), url);
        assertEquals(
                200,
                get(url, "If-Modified-Since", before.header("Last-Modified")).statusCode(),
                url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml", "csv"})
    void creatingRenamingAndDeletingACategoryMoveTheCategoryValidators(String format) throws InterruptedException {
        assertWritesMoveValidators(
                "/v1/categories",
                format,
                uniqueSlug("cat"),
                CatalogValidatorsTest::category,
                CatalogValidatorsTest::newCategory);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml", "csv"})
    void creatingRenamingAndDeletingASourceMoveTheSourceValidators(String format) throws InterruptedException {
        assertWritesMoveValidators(
                "/v1/sources",
                format,
                uniqueSlug("src"),
                CatalogValidatorsTest::source,
                CatalogValidatorsTest::newSource);
    }

    /** Create, rename and delete an entry of the catalog at {@code path}: each moves the list's validators. */
    private void assertWritesMoveValidators(
            String path,
            String format,
            String slug,
            BiFunction<String, String, Map<String, Object>> body,
            Runnable another)
            throws InterruptedException {
        String url = path + "?format=" + format;
        Response before = ok(url, format);
        nextSecondAfter(lastModified(before));
        editor().body(body.apply(slug, "Fresh " + slug)).post(path).then().statusCode(201);
        assertModified(url, format, before);

        before = ok(url, format);
        nextSecondAfter(lastModified(before));
        editor().body(body.apply(slug, "Renamed " + slug))
                .put(path + "/" + slug)
                .then()
                .statusCode(200);
        assertModified(url, format, before);

        another.run(); // the deleted one is then not the newest: its removal must still show
        before = ok(url, format);
        nextSecondAfter(lastModified(before));
        editor().delete(path + "/" + slug).then().statusCode(204);
        assertModified(url, format, before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml", "csv"})
    void articleCountsMoveTheValidatorsOfOneCategoryAndOneSource(String format) {
        Newsroom newsroom = newsroom(1);
        String category = "/v1/categories/" + newsroom.category() + "?format=" + format;
        String source = "/v1/sources/" + newsroom.source() + "?format=" + format;
        Response categoryBefore = ok(category, format);
        Response sourceBefore = ok(source, format);
        newsroom.publish("2026-03-04T10:00:00Z");
        assertModifiedTag(category, format, categoryBefore);
        assertModifiedTag(source, format, sourceBefore);

        categoryBefore = ok(category, format);
        sourceBefore = ok(source, format);
        delete(newsroom.ids().get(0), null).then().statusCode(204);
        assertModifiedTag(category, format, categoryBefore);
        assertModifiedTag(source, format, sourceBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml", "csv"})
    void anUnchangedCatalogKeepsItsValidators(String format) {
        newsroom(1);
        for (String url : new String[] {"/v1/categories?format=" + format, "/v1/sources?format=" + format}) {
            Response first = ok(url, format);
            Response again = ok(url, format);
            assertEquals(first.header("ETag"), again.header("ETag"));
            assertEquals(first.header("Last-Modified"), again.header("Last-Modified"));
            assertEquals(first.asString(), again.asString());
            assertTrue(get(url, "If-None-Match", first.header("ETag")).statusCode() == 304, url);
        }
    }

    private static void assertModifiedTag(String url, String format, Response before) {
        Response after = ok(url, format);
        assertNotEquals(before.header("ETag"), after.header("ETag"), url);
        assertNotEquals(before.asString(), after.asString(), "the count changed");
    }
}
