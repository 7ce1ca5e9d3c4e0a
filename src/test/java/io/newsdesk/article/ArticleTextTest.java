package io.newsdesk.article;

import static io.newsdesk.article.ArticleWriteTest.articleCount;
import static io.newsdesk.problem.ProblemAssert.invalidBody;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Text must survive every format, so XML-incompatible control characters are refused and all else kept. */
@QuarkusTest
class ArticleTextTest extends ApiTest {

    /** Each value is the JSON escape of a character XML 1.0 cannot carry (sent as written, not re-encoded). */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "\\u0000",
                "\\u0001",
                "\\u001B",
                "\\u0008",
                "\\u000B",
                "\\u000C",
                "\\u001F",
                "\\uFFFE",
                "\\uFFFF",
                "\\uD800",
                "\\uDC00x"
            })
    void shouldRefuseControlCharactersInEveryTextField(String escape) throws Exception {
        String category = newCategory();
        String source = newSource();
        Map<String, Object> body = article(category, source, "2026-05-01T10:00:00Z");
        body.put("title", "Before@CTRL@after");
        body.put("summary", "@CTRL@summary");
        body.put("content", "content@CTRL@");
        String json = new ObjectMapper().writeValueAsString(body).replace("@CTRL@", escape);

        JsonPath problem = invalidBody(editor().body(json).post("/v1/articles"), "title", "summary", "content");

        assertTrue(
                problem.getString("errors[0].message").contains("control character"),
                problem.getString("errors[0].message"));
        assertEquals(0L, articleCount("categories", category));
    }

    @Test
    void shouldRefuseControlCharactersOnReplaceAndKeepTheArticle() {
        String category = newCategory();
        String source = newSource();
        long id = newArticle(category, source, "2026-05-02T10:00:00Z");
        Map<String, Object> before =
                given().get("/v1/articles/" + id).jsonPath().getMap("");
        Map<String, Object> body = article(category, source, "2026-05-02T10:00:00Z");
        body.put("content", "Line one\u0001line two");

        invalidBody(editor().body(body).put("/v1/articles/" + id), "content");

        assertEquals(before, given().get("/v1/articles/" + id).jsonPath().getMap(""));
    }

    @Test
    void shouldKeepTabNewlineCarriageReturnAndAstralCharactersExactly() {
        String category = newCategory();
        String source = newSource();
        Map<String, Object> body = article(category, source, "2026-05-03T10:00:00Z");
        String title = "Tab\there, CR\rLF\n and emoji 😀 🞛 𝄞 \"quotes\" \\ 東京 é";
        String summary = "\tLeading tab, trailing newline\n";
        String content = "Para one 👩‍👩‍👧 family.\r\n\r\nPara two: Ελληνικά, עברית, 🇺🇦, \u00A0nbsp, \u200Bzwsp.";
        body.put("title", title);
        body.put("summary", summary);
        body.put("content", content);

        JsonPath created = editor().body(body)
                .post("/v1/articles")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        JsonPath read = given().get("/v1/articles/" + created.getLong("id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        for (JsonPath json : new JsonPath[] {created, read}) {
            assertEquals(title, json.getString("title"));
            assertEquals(summary, json.getString("summary"));
            assertEquals(content, json.getString("content"));
        }
    }

    @Test
    void shouldTrimTitlesAndNamesWhenWrittenButKeepTheTextsExactly() {
        String category = uniqueSlug("padded");
        editor().body(Map.of("slug", category, "name", " \tPadded category\u00A0\n"))
                .post("/v1/categories")
                .then()
                .statusCode(201);
        String source = uniqueSlug("padded-src");
        editor().body(Map.of("slug", source, "name", "  Padded source  ", "url", "https://padded.example"))
                .post("/v1/sources")
                .then()
                .statusCode(201);
        Map<String, Object> body = article(category, source, "2026-05-05T10:00:00Z");
        body.put("title", "\t Padded title \r\n");
        body.put("summary", " kept summary ");
        long id = newArticle(body);

        JsonPath read = given().get("/v1/articles/" + id).jsonPath();
        assertEquals("Padded title", read.getString("title"));
        assertEquals(" kept summary ", read.getString("summary"), "texts are not names: exactly as sent");
        assertEquals("Padded category", read.getString("category.name"));
        assertEquals("Padded source", read.getString("source.name"));
        body.put("title", "  Edited  ");
        editor().body(body).put("/v1/articles/" + id).then().statusCode(200);
        assertEquals("Edited", given().get("/v1/articles/" + id).jsonPath().getString("title"));
    }

    @Test
    void shouldKeepUnicodeInCategoryAndSourceNames() {
        String slug = uniqueSlug("unicode");
        String name = "Política & Économie — 東京 😀\tTab";
        editor().body(Map.of("slug", slug, "name", name))
                .post("/v1/categories")
                .then()
                .statusCode(201);
        String sourceSlug = uniqueSlug("unicode-src");
        editor().body(Map.of("slug", sourceSlug, "name", name, "url", "https://xn--r8jz45g.jp/ニュース?q=ü"))
                .post("/v1/sources")
                .then()
                .statusCode(201);

        assertEquals(name, given().get("/v1/categories/" + slug).jsonPath().getString("name"));
        JsonPath source = given().get("/v1/sources/" + sourceSlug).jsonPath();
        assertEquals(name, source.getString("name"));
        assertEquals("https://xn--r8jz45g.jp/ニュース?q=ü", source.getString("url"));
    }

    @Test
    void shouldCountLimitsInCharactersSoAstralTextAtTheLimitIsStored() {
        String category = newCategory();
        String source = newSource();
        Map<String, Object> body = article(category, source, "2026-05-04T10:00:00Z");
        String title = "😀".repeat(500);
        String summary = "𝄞".repeat(5000);
        body.put("title", title);
        body.put("summary", summary);

        long id = newArticle(body);

        JsonPath read = given().get("/v1/articles/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(title, read.getString("title"));
        assertEquals(summary, read.getString("summary"));
        body.put("title", "😀".repeat(501));
        body.put("summary", "𝄞".repeat(5001));
        invalidBody(editor().body(body).post("/v1/articles"), "title", "summary");
        assertEquals(1L, articleCount("categories", category));
    }

    @Test
    void shouldStoreCategoryAndSourceNamesOfTwoHundredAstralCharacters() {
        String name = "🞛".repeat(200);
        String slug = uniqueSlug("astral");
        editor().body(Map.of("slug", slug, "name", name))
                .post("/v1/categories")
                .then()
                .statusCode(201);
        editor().body(Map.of("slug", slug, "name", name, "url", "https://astral.example/" + "😀".repeat(1950)))
                .post("/v1/sources")
                .then()
                .statusCode(201);

        assertEquals(name, given().get("/v1/categories/" + slug).jsonPath().getString("name"));
        assertEquals(name, given().get("/v1/sources/" + slug).jsonPath().getString("name"));
        invalidBody(editor().body(Map.of("slug", slug, "name", name + "🞛")).put("/v1/categories/" + slug), "name");
    }

    @Test
    void shouldAcceptContentOfManyParagraphsNearTheBodyLimit() {
        String category = newCategory();
        Map<String, Object> body = article(category, newSource(), "2026-05-05T10:00:00Z");
        String paragraph =
                "Ünïcödé paragraph with some words in it. ".repeat(20).strip();
        StringBuilder content = new StringBuilder();
        while (content.length() + paragraph.length() + 2 < 450_000) {
            content.append(paragraph).append("\n\n");
        }
        body.put("content", content.toString().strip());
        assertTrue(body.get("content").toString().getBytes(StandardCharsets.UTF_8).length < 1_000_000);

        long id = newArticle(body);

        assertEquals(
                body.get("content"),
                given().get("/v1/articles/" + id).jsonPath().getString("content"));
    }
}
