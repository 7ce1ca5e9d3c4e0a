package io.newsdesk.html;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The article page, as a reader and a search engine read it. */
@QuarkusTest
class ArticlePageTest extends ApiTest {

    private static final String HARD_TITLE = "Tom & Jerry say \"<script>alert('x')</script>\" 🌍";
    private static final List<String> PARAGRAPHS = List.of(
            "First paragraph, with <b>markup</b> & an emoji 🇺🇦.",
            "Second \"quoted\" paragraph\nwhose two lines stay one paragraph.",
            "Third, after two blank lines; </script><!-- and 'quotes'.");
    private static final String CONTENT =
            PARAGRAPHS.get(0) + "\n\n" + PARAGRAPHS.get(1) + "\n \n\n" + PARAGRAPHS.get(2) + "\n";

    @Test
    void shouldShowTheArticleWithItsParagraphsAttributionAndNotice() {
        String category = newCategory();
        String source = newSource();
        long id = newArticle(body(category, source, true, false));
        JsonPath json = given().get("/v1/articles/" + id).jsonPath();

        Document page = Html.page("/v1/articles/" + id);

        assertEquals(HARD_TITLE, page.selectFirst("h1#article-title").text());
        assertEquals(1, page.select("h1").size());
        List<String> paragraphs =
                page.select("#article-text p.article-paragraph").eachText();
        assertEquals(PARAGRAPHS.size(), paragraphs.size());
        assertEquals(PARAGRAPHS.get(0), paragraphs.get(0));
        assertEquals(PARAGRAPHS.get(2), paragraphs.get(2));
        Element attribution = page.selectFirst("a#attribution-link");
        assertEquals("https://www.example.org/news/story?a=1&b=2", attribution.attr("href"));
        assertEquals(
                "Read the full " + json.getString("source.name") + " article at "
                        + "https://www.example.org/news/story?a=1&b=2",
                attribution.text());
        assertNotNull(page.selectFirst("#notice-summary"));
        assertEquals(
                "This is a summary or evaluation of another publication.",
                page.selectFirst("#notice-summary").text());
        assertTrue(page.select("#notice-bias").isEmpty());
        assertEquals(
                json.getString("url"), page.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(json.getString("url"), page.selectFirst("a#permalink-link").attr("href"));
        assertEquals("0 views", page.selectFirst("#article-views").text());
        assertEquals("en", page.selectFirst("html").attr("lang"));
    }

    @Test
    void shouldSplitParagraphsAtBlankLinesWhateverTheLineBreaks() {
        Map<String, Object> body = body(newCategory(), newSource(), false, false);
        body.put("content", "One\r\nline broken by CRLF.\r\n\r\nTwo.\r\rThree.\n\t\nFour.");
        long id = newArticle(body);

        List<String> paragraphs =
                Html.page("/v1/articles/" + id).select("p.article-paragraph").eachText();

        assertEquals(List.of("One line broken by CRLF.", "Two.", "Three.", "Four."), paragraphs);
    }

    @Test
    void shouldLinkSourceCategoryAndTheOtherFormats() {
        String category = newCategory();
        String source = newSource();
        long id = newArticle(body(category, source, false, true));
        String url = given().get("/v1/articles/" + id).jsonPath().getString("url");

        Document page = Html.page("/v1/articles/" + id);

        assertTrue(page.selectFirst("a#article-category").attr("href").endsWith("/v1/articles?category=" + category));
        assertTrue(page.selectFirst("a#article-source").attr("href").endsWith("/v1/articles?source=" + source));
        assertEquals(url + "?format=json", page.selectFirst("a#format-json").attr("href"));
        assertEquals(url + "?format=xml", page.selectFirst("a#format-xml").attr("href"));
        assertEquals(
                "application/xml",
                given().get(page.selectFirst("a#format-xml").attr("href"))
                        .contentType()
                        .split(";")[0]);
        assertTrue(page.select("#notice-summary").isEmpty());
        assertEquals(
                "This article contains editorial commentary or bias from the source.",
                page.selectFirst("#notice-bias").text());
        assertEquals(
                "Category " + category,
                page.selectFirst("meta[property=article:section]").attr("content"));
        assertEquals(HARD_TITLE, page.selectFirst("meta[property=og:title]").attr("content"));
        assertEquals(url, page.selectFirst("meta[property=og:url]").attr("content"));
    }

    @Test
    void shouldDescribeTheArticleAsSchemaOrgNewsArticle() throws Exception {
        String category = newCategory();
        String source = newSource();
        long id = newArticle(body(category, source, true, true));
        given().post("/v1/articles/" + id + "/views").then().statusCode(200);
        JsonPath json = given().get("/v1/articles/" + id).jsonPath();

        Response response = Html.fetch("/v1/articles/" + id);
        assertFalse(response.asString().contains("</script><!--"), "the text must not end the script element");
        Element script = Html.page("/v1/articles/" + id).selectFirst("script[type=application/ld+json]");
        JsonNode ld = new ObjectMapper().readTree(script.data());

        assertEquals("https://schema.org", ld.get("@context").asText());
        assertEquals("NewsArticle", ld.get("@type").asText());
        assertEquals(HARD_TITLE, ld.get("headline").asText());
        assertEquals(json.getString("publishedAt"), ld.get("datePublished").asText());
        assertEquals(json.getString("updatedAt"), ld.get("dateModified").asText());
        assertEquals(
                "https://www.example.org/news/story?a=1&b=2",
                ld.get("isBasedOn").asText());
        assertEquals("Newsdesk", ld.get("publisher").get("name").asText());
        assertEquals(
                1, ld.get("interactionStatistic").get("userInteractionCount").asLong());
        assertEquals(json.getString("url"), ld.get("url").asText());
    }

    @Test
    void shouldAnswerConditionalRequestsAndShowANewViewCount() {
        long id = newArticle(body(newCategory(), newSource(), false, false));
        Response first = Html.fetch("/v1/articles/" + id);
        String etag = first.header("ETag");
        assertNotNull(etag);
        assertNotNull(first.header("Last-Modified"));
        assertTrue(first.header("Vary").contains("Accept"));
        assertNotEquals(
                etag, given().get("/v1/articles/" + id).header("ETag"), "HTML and JSON are two representations");

        Response again = given().header("Accept", Html.BROWSER)
                .header("If-None-Match", etag)
                .get("/v1/articles/" + id);
        assertEquals(304, again.statusCode());

        given().post("/v1/articles/" + id + "/views").then().statusCode(200);
        Response viewed = given().header("Accept", Html.BROWSER)
                .header("If-None-Match", etag)
                .get("/v1/articles/" + id);
        assertEquals(200, viewed.statusCode(), "the page shows the view count, so a view changes it");
        assertTrue(viewed.asString().contains("1 view<"));
    }

    @Test
    void shouldGiveJsonToClientsThatAcceptAnything() {
        long id = newArticle(body(newCategory(), newSource(), false, false));
        assertEquals(
                "application/json",
                given().header("Accept", "*/*").get("/v1/articles/" + id).contentType());
        assertEquals("application/json", given().get("/v1/articles/" + id).contentType());
        assertTrue(
                Html.fetch("/v1/articles/" + id + "?format=json").contentType().startsWith("application/json"));
        assertTrue(
                given().get("/v1/articles/" + id + "?format=html").contentType().startsWith("text/html"));
    }

    private static Map<String, Object> body(String category, String source, boolean summary, boolean bias) {
        Map<String, Object> body = article(category, source, "2026-03-04T10:15:30Z");
        body.put("title", HARD_TITLE);
        body.put("content", CONTENT);
        body.put("originalUrl", "https://www.example.org/news/story?a=1&b=2");
        body.put("isSummary", summary);
        body.put("hasEditorialBias", bias);
        return body;
    }
}
