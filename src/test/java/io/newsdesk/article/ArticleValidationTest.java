package io.newsdesk.article;

import static io.newsdesk.article.ArticleWriteTest.articleCount;
import static io.newsdesk.problem.ProblemAssert.invalidBody;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ArticleValidationTest extends ApiTest {

    @Test
    void shouldNameEveryBadFieldInOneProblemAndWriteNothing() {
        String category = newCategory();
        String source = newSource();
        Map<String, Object> body = article(category, source, "2026-04-01T10:00:00Z");
        body.put("title", "   ");
        body.put("summary", 42);
        body.remove("content");
        body.put("category", "no-such-category-" + category);
        body.put("source", "no-such-source-" + source);
        body.put("publishedAt", "2026-04-01T10:00:00");
        body.put("originalUrl", "javascript:alert(1)");
        body.put("isSummary", "true");
        body.put("hasEditorialBias", 1);
        body.put("tags", "politics");

        JsonPath problem = invalidBody(
                editor().body(body).post("/v1/articles"),
                "title",
                "summary",
                "content",
                "category",
                "source",
                "publishedAt",
                "originalUrl",
                "isSummary",
                "hasEditorialBias",
                "tags");

        assertTrue(problem.getString("detail").contains("10"), problem.getString("detail"));
        assertEquals(0L, articleCount("categories", category));
    }

    @Test
    void shouldRequireEveryFieldOfAnEmptyObject() {
        invalidBody(
                editor().body("{}").post("/v1/articles"),
                "title",
                "summary",
                "content",
                "category",
                "source",
                "publishedAt",
                "originalUrl",
                "isSummary",
                "hasEditorialBias");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void shouldRefuseBlankTitle(String title) {
        refused(body -> body.put("title", title), "title");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "ftp://files.example.org/story",
                "/news/story",
                "www.example.org/story",
                "https://",
                "mailto:desk@example.org",
                "http:///no-host",
                "not a url"
            })
    void shouldRefuseOriginalUrlThatIsNotAbsoluteHttp(String url) {
        refused(body -> body.put("originalUrl", url), "originalUrl");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-04-01T10:00:00",
                "2026-04-01",
                "yesterday",
                "",
                "2026-13-01T10:00:00Z",
                "2026-02-30T10:00:00Z",
                "0999-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z",
                "-0001-01-01T00:00:00Z",
                "1700000000"
            })
    void shouldRefuseBadPublishedAt(String publishedAt) {
        refused(body -> body.put("publishedAt", publishedAt), "publishedAt");
    }

    @Test
    void shouldRefuseNumericPublishedAt() {
        refused(body -> body.put("publishedAt", 1_700_000_000L), "publishedAt");
    }

    @Test
    void shouldAcceptPublishedAtAtTheEdgesOfTheYearRange() {
        String category = newCategory();
        String source = newSource();
        assertEquals(
                "1000-01-01T00:00:00Z",
                editor().body(article(category, source, "1000-01-01T00:00:00Z"))
                        .post("/v1/articles")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getString("publishedAt"));
        assertEquals(
                "9998-12-31T23:59:59.5Z",
                editor().body(article(category, source, "9998-12-31T23:59:59.5Z"))
                        .post("/v1/articles")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getString("publishedAt"));
    }

    @Test
    void shouldReportUnknownCategoryAndSourceSlugsAsFieldErrors() {
        String category = newCategory();
        Map<String, Object> body = article(category, newSource(), "2026-04-02T10:00:00Z");
        body.put("category", uniqueSlug("missing-category"));
        body.put("source", uniqueSlug("missing-source"));

        invalidBody(editor().body(body).post("/v1/articles"), "category", "source");
    }

    @Test
    void shouldRefuseMalformedCategoryAndSourceSlugs() {
        refused(
                body -> {
                    body.put("category", "Not A Slug");
                    body.put("source", "");
                },
                "category",
                "source");
    }

    @Test
    void shouldRefuseFlagsThatAreNotJsonBooleans() {
        refused(
                body -> {
                    body.put("isSummary", "true");
                    body.put("hasEditorialBias", 1);
                },
                "isSummary",
                "hasEditorialBias");
        refused(
                body -> {
                    body.put("isSummary", null);
                    body.put("hasEditorialBias", "false");
                },
                "isSummary",
                "hasEditorialBias");
    }

    @Test
    void shouldRefuseUnknownFieldNamingIt() {
        refused(body -> body.put("author", "A. Reporter"), "author");
    }

    @Test
    void shouldRefuseTextsOverTheirLimits() {
        refused(
                body -> {
                    body.put("title", "t".repeat(501));
                    body.put("summary", "s".repeat(5001));
                },
                "title",
                "summary");
    }

    @Test
    void shouldLeaveArticleUnchangedWhenReplacementIsInvalid() {
        String category = newCategory();
        String source = newSource();
        long id = newArticle(category, source, "2026-04-03T10:00:00Z");
        Map<String, Object> before =
                given().get("/v1/articles/" + id).jsonPath().getMap("");
        Map<String, Object> body = article(category, source, "2026-04-04T10:00:00Z");
        body.put("title", "A new title that must not be stored");
        body.put("originalUrl", "ftp://files.example.org/story");
        body.put("hasEditorialBias", "yes");

        invalidBody(editor().body(body).put("/v1/articles/" + id), "originalUrl", "hasEditorialBias");

        assertEquals(before, given().get("/v1/articles/" + id).jsonPath().getMap(""));
    }

    /** A create with one valid body changed by {@code change} is refused naming {@code fields}; nothing written. */
    private static void refused(Consumer<Map<String, Object>> change, String... fields) {
        String category = newCategory();
        String source = newSource();
        Map<String, Object> body = new HashMap<>(article(category, source, "2026-04-05T10:00:00Z"));
        change.accept(body);

        invalidBody(editor().body(body).post("/v1/articles"), fields);

        assertEquals(0L, articleCount("categories", category), Arrays.toString(fields));
        assertEquals(0L, articleCount("sources", source), Arrays.toString(fields));
    }
}
