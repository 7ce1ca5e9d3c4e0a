package io.newsdesk.catalog;

import static io.newsdesk.problem.ProblemAssert.invalidBody;
import static io.newsdesk.problem.ProblemAssert.problem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class CategoryWriteTest extends ApiTest {

    @Test
    void shouldAnswer201WithLocationThatReadsTheCreatedCategory() {
        String slug = uniqueSlug("world-news");

        Response created =
                editor().body(Map.of("slug", slug, "name", "World News")).post("/v1/categories");

        assertEquals(201, created.statusCode(), created.asString());
        String location = created.header("Location");
        assertTrue(URI.create(location).isAbsolute(), location);
        assertTrue(location.endsWith("/v1/categories/" + slug), location);
        JsonPath body = created.jsonPath();
        assertEquals(Map.of("slug", slug, "name", "World News", "articleCount", 0, "url", location), body.getMap(""));
        assertEquals(
                body.getMap(""),
                given().get(location)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getMap(""));
        assertTrue(
                given().get("/v1/categories").jsonPath().getList("items.slug").contains(slug));
    }

    @Test
    void shouldRenameCategoryWithPutAndTakeItsArticlesAlong() {
        String slug = newCategory();
        String source = newSource();
        long id = newArticle(slug, source, "2026-06-01T10:00:00Z");
        String renamed = uniqueSlug("renamed");

        JsonPath updated = editor().body(Map.of("slug", renamed, "name", "Renamed"))
                .put("/v1/categories/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertEquals(renamed, updated.getString("slug"));
        assertEquals("Renamed", updated.getString("name"));
        assertEquals(1L, updated.getLong("articleCount"));
        assertTrue(updated.getString("url").endsWith("/v1/categories/" + renamed));
        CatalogAsserts.assertMoved("/v1/categories/", slug, updated, id, "category");
    }

    @Test
    void shouldChangeOnlyTheNameWhenPutKeepsTheSlug() {
        String slug = newCategory();

        editor().body(Map.of("slug", slug, "name", "New name"))
                .put("/v1/categories/" + slug)
                .then()
                .statusCode(200);

        assertEquals(
                "New name", given().get("/v1/categories/" + slug).jsonPath().getString("name"));
    }

    @Test
    void shouldDeleteEmptyCategory() {
        CatalogAsserts.assertDeletes("/v1/categories", newCategory());
    }

    @Test
    void shouldReturn409ForDuplicateCategorySlug() {
        String slug = newCategory();

        problem(editor().body(Map.of("slug", slug, "name", "Other")).post("/v1/categories"), 409, "conflict");

        assertEquals(
                "Category " + slug,
                given().get("/v1/categories/" + slug).jsonPath().getString("name"));
        assertEquals(
                1,
                given().get("/v1/categories").jsonPath().getList("items.slug").stream()
                        .filter(slug::equals)
                        .count());
    }

    @Test
    void shouldReturn409WhenRenamingToATakenSlug() {
        String slug = newCategory();
        String taken = newCategory();

        problem(editor().body(Map.of("slug", taken, "name", "Clash")).put("/v1/categories/" + slug), 409, "conflict");

        assertEquals(
                "Category " + slug,
                given().get("/v1/categories/" + slug).jsonPath().getString("name"));
        assertEquals(
                "Category " + taken,
                given().get("/v1/categories/" + taken).jsonPath().getString("name"));
    }

    @Test
    void shouldReturn409WhenDeletingCategoryThatHasArticles() {
        String slug = newCategory();
        long id = newArticle(slug, newSource(), "2026-06-02T10:00:00Z");

        JsonPath conflict = problem(editor().delete("/v1/categories/" + slug), 409, "conflict");

        assertTrue(conflict.getString("detail").contains(slug), conflict.getString("detail"));
        assertEquals(
                1L,
                given().get("/v1/categories/" + slug)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getLong("articleCount"));
        editor().delete("/v1/articles/" + id).then().statusCode(204);
        editor().delete("/v1/categories/" + slug).then().statusCode(204);
    }

    @Test
    void shouldAnswer404ForPutAndDeleteOfUnknownCategory() {
        String slug = uniqueSlug("missing");

        problem(editor().body(Map.of("slug", slug, "name", "x")).put("/v1/categories/" + slug), 404, "not-found");
        problem(editor().delete("/v1/categories/" + slug), 404, "not-found");
        problem(given().get("/v1/categories/" + slug), 404, "not-found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Upper", "with space", "double--hyphen", "-leading", "trailing-", "ünï", "a_b", ""})
    void shouldRefuseMalformedSlugAndCreateNothing(String slug) {
        int before = given().get("/v1/categories").jsonPath().getList("items").size();

        invalidBody(editor().body(Map.of("slug", slug, "name", "Name")).post("/v1/categories"), "slug");

        assertEquals(
                before,
                given().get("/v1/categories").jsonPath().getList("items").size());
    }

    @Test
    void shouldNameEveryBadFieldAndIgnoreReadOnlyOnes() {
        Map<String, Object> body = new HashMap<>();
        body.put("slug", "x".repeat(101));
        body.put("name", "Bad\u0001name");
        body.put("colour", "red");
        body.put("articleCount", 99);
        body.put("url", "https://elsewhere.example/");

        invalidBody(editor().body(body).post("/v1/categories"), "slug", "name", "colour");
        invalidBody(editor().body(Map.of("name", " ")).post("/v1/categories"), "slug", "name");
        invalidBody(editor().body(Map.of("slug", 5, "name", List.of("x"))).post("/v1/categories"), "slug", "name");
        invalidBody(
                editor().body(Map.of("slug", uniqueSlug("long"), "name", "n".repeat(201)))
                        .post("/v1/categories"),
                "name");

        String slug = uniqueSlug("read-only");
        body.put("slug", slug);
        body.put("name", "Read only ignored");
        body.remove("colour");
        JsonPath created = editor().body(body)
                .post("/v1/categories")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertEquals(0L, created.getLong("articleCount"));
        assertTrue(created.getString("url").endsWith("/v1/categories/" + slug));
    }

    @Test
    void shouldLeaveCategoryUnchangedWhenPutIsInvalid() {
        String slug = newCategory();
        Map<String, Object> before =
                given().get("/v1/categories/" + slug).jsonPath().getMap("");

        invalidBody(
                editor().body(Map.of("slug", "Bad Slug", "name", "")).put("/v1/categories/" + slug), "slug", "name");

        assertEquals(before, given().get("/v1/categories/" + slug).jsonPath().getMap(""));
    }
}
