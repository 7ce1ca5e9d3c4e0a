package io.newsdesk.catalog;

import static io.newsdesk.problem.ProblemAssert.invalidBody;
import static io.newsdesk.problem.ProblemAssert.problem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class SourceWriteTest extends ApiTest {

    @Test
    void shouldAnswer201WithLocationThatReadsTheCreatedSource() {
        String slug = uniqueSlug("pbs");
        Map<String, Object> body = Map.of("slug", slug, "name", "PBS", "url", "https://www.pbs.org/newshour/");

        Response created = editor().body(body).post("/v1/sources");

        assertEquals(201, created.statusCode(), created.asString());
        String location = created.header("Location");
        assertTrue(URI.create(location).isAbsolute(), location);
        assertTrue(location.endsWith("/v1/sources/" + slug), location);
        Map<String, Object> json = created.jsonPath().getMap("");
        assertEquals(
                Map.of("slug", slug, "name", "PBS", "url", "https://www.pbs.org/newshour/", "articleCount", 0), json);
        assertEquals(
                json,
                given().get(location)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getMap(""));
        assertTrue(given().get("/v1/sources").jsonPath().getList("items.slug").contains(slug));
    }

    @Test
    void shouldChangeSourceWithPutAndTakeItsArticlesAlong() {
        String slug = newSource();
        long id = newArticle(newCategory(), slug, "2026-07-01T10:00:00Z");
        String renamed = uniqueSlug("npr");

        JsonPath updated = editor().body(Map.of("slug", renamed, "name", "NPR", "url", "http://www.npr.org/"))
                .put("/v1/sources/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertEquals(
                Map.of("slug", renamed, "name", "NPR", "url", "http://www.npr.org/", "articleCount", 1),
                updated.getMap(""));
        CatalogAsserts.assertMoved("/v1/sources/", slug, updated, id, "source");
    }

    @Test
    void shouldDeleteSourceWithoutArticles() {
        CatalogAsserts.assertDeletes("/v1/sources", newSource());
    }

    @Test
    void shouldReturn409ForDuplicateSourceSlug() {
        String slug = newSource();

        problem(
                editor().body(Map.of("slug", slug, "name", "Other", "url", "https://other.example/"))
                        .post("/v1/sources"),
                409,
                "conflict");

        JsonPath kept = given().get("/v1/sources/" + slug).jsonPath();
        assertEquals("Source " + slug, kept.getString("name"));
        assertEquals("https://" + slug + ".example.org", kept.getString("url"));
    }

    @Test
    void shouldReturn409WhenRenamingSourceToATakenSlug() {
        String slug = newSource();
        String taken = newSource();

        problem(
                editor().body(Map.of("slug", taken, "name", "Clash", "url", "https://clash.example/"))
                        .put("/v1/sources/" + slug),
                409,
                "conflict");

        assertEquals(
                "Source " + slug, given().get("/v1/sources/" + slug).jsonPath().getString("name"));
        assertEquals(
                "Source " + taken,
                given().get("/v1/sources/" + taken).jsonPath().getString("name"));
    }

    @Test
    void shouldReturn409WhenDeletingSourceThatHasArticles() {
        String slug = newSource();
        newArticle(newCategory(), slug, "2026-07-02T10:00:00Z");

        JsonPath conflict = problem(editor().delete("/v1/sources/" + slug), 409, "conflict");

        assertTrue(conflict.getString("detail").contains(slug), conflict.getString("detail"));
        assertEquals(
                1L,
                given().get("/v1/sources/" + slug)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getLong("articleCount"));
    }

    @Test
    void shouldAnswer404ForPutAndDeleteOfUnknownSource() {
        String slug = uniqueSlug("missing");

        problem(
                editor().body(Map.of("slug", slug, "name", "x", "url", "https://x.example/"))
                        .put("/v1/sources/" + slug),
                404,
                "not-found");
        problem(editor().delete("/v1/sources/" + slug), 404, "not-found");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "ftp://ftp.example.org/",
                "/relative/path",
                "example.org",
                "https://",
                "file:///etc/passwd",
                "data:text/html,hi",
                " "
            })
    void shouldRefuseSourceUrlThatIsNotAbsoluteHttpAndCreateNothing(String url) {
        String slug = uniqueSlug("bad-url");

        invalidBody(
                editor().body(Map.of("slug", slug, "name", "Name", "url", url)).post("/v1/sources"), "url");

        problem(given().get("/v1/sources/" + slug), 404, "not-found");
    }

    @Test
    void shouldNameEveryBadFieldAndIgnoreReadOnlyArticleCount() {
        Map<String, Object> body = new HashMap<>();
        body.put("slug", "Bad Slug");
        body.put("name", "tab\tok but \u001B not");
        body.put("url", "https://" + "a".repeat(2000) + ".example/");
        body.put("homepage", "https://x.example/");

        invalidBody(editor().body(body).post("/v1/sources"), "slug", "name", "url", "homepage");
        invalidBody(editor().body("{}").post("/v1/sources"), "slug", "name", "url");
        invalidBody(
                editor().body(Map.of("slug", true, "name", 1, "url", false)).post("/v1/sources"),
                "slug",
                "name",
                "url");

        String slug = uniqueSlug("count-ignored");
        JsonPath created = editor().body(
                        Map.of("slug", slug, "name", "N", "url", "https://n.example/", "articleCount", 12))
                .post("/v1/sources")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertEquals(0L, created.getLong("articleCount"));
    }

    @Test
    void shouldLeaveSourceUnchangedWhenPutIsInvalid() {
        String slug = newSource();
        Map<String, Object> before =
                given().get("/v1/sources/" + slug).jsonPath().getMap("");

        invalidBody(
                editor().body(Map.of("slug", slug, "name", "Changed", "url", "javascript:alert(1)"))
                        .put("/v1/sources/" + slug),
                "url");

        assertEquals(before, given().get("/v1/sources/" + slug).jsonPath().getMap(""));
    }
}
