package io.newsdesk.catalog;

import static io.newsdesk.ApiTest.editor;
import static io.newsdesk.problem.ProblemAssert.problem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** What every catalog's write tests check alike. */
final class CatalogAsserts {

    private CatalogAsserts() {}

    /** A DELETE of the entry answers 204 without a body; then the entry is gone from its URL and the list. */
    static void assertDeletes(String list, String slug) {
        Response deleted = editor().delete(list + "/" + slug);

        assertEquals(204, deleted.statusCode());
        assertEquals("", deleted.asString());
        problem(given().get(list + "/" + slug), 404, "not-found");
        assertFalse(given().get(list).jsonPath().getList("items.slug").contains(slug));
        problem(editor().delete(list + "/" + slug), 404, "not-found");
    }

    /**
     * After a PUT that changed an entry's slug: the old slug is a 404, the new one reads as the PUT answered,
     * and the article filed under it names it (as {@code field}: category or source) with its new slug and name.
     */
    static void assertMoved(String path, String oldSlug, JsonPath updated, long articleId, String field) {
        String renamed = updated.getString("slug");
        problem(given().get(path + oldSlug), 404, "not-found");
        assertEquals(updated.getMap(""), given().get(path + renamed).jsonPath().getMap(""));
        JsonPath article = given().get("/v1/articles/" + articleId).jsonPath();
        assertEquals(renamed, article.getString(field + ".slug"));
        assertEquals(updated.getString("name"), article.getString(field + ".name"));
    }
}
