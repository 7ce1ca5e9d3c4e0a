package io.newsdesk.format;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Negotiation in one place: format= first, then Accept (q-values, exclusions, wildcards), then JSON. */
@QuarkusTest
class NegotiationTest extends ApiTest {

    private static final String BROWSER =
            "text/html,application/xhtml+xml,application/xml;q=0.9," + "image/avif,image/webp,*/*;q=0.8";

    @ParameterizedTest(name = "Accept: {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''|application/json",
                "*/*|application/json",
                "application/json|application/json",
                "application/xml|application/xml",
                "text/csv|text/csv",
                "application/rss+xml|application/rss+xml",
                "application/atom+xml|application/atom+xml",
                "application/feed+json|application/feed+json",
                "application/atom+xml;q=0.5, application/rss+xml|application/rss+xml",
                "application/rss+xml;q=0.2, application/atom+xml;q=0.3|application/atom+xml",
                "text/*|text/csv",
                "application/*|application/json",
                "application/json;q=0, */*|application/xml",
                "application/*;q=0.1, text/csv;q=0.2|text/csv",
                "*/*;q=0.1, application/xml;q=0|application/json",
                "APPLICATION/RSS+XML|application/rss+xml",
                "application/xml; charset=utf-8|application/xml",
                "garbage, application/atom+xml|application/atom+xml"
            })
    void shouldChooseByAcceptHeader(String accept, String expected) {
        Response response = given().header("Accept", accept).get("/v1/articles?limit=2");
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals(expected, mediaType(response));
    }

    @ParameterizedTest
    @CsvSource({"/v1/articles?limit=2", "/v1/categories", "/v1/sources", "/v1/dates"})
    void shouldGiveABrowserHtmlBecauseItsAcceptHeaderRatesHtmlAboveEverythingElse(String path) {
        Response response = given().header("Accept", BROWSER).get(path);
        assertEquals(200, response.statusCode());
        assertEquals("text/html", mediaType(response));
    }

    @ParameterizedTest(name = "Accept: {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "text/html|text/html",
                "application/xhtml+xml, text/html;q=0.9, */*;q=0.8|text/html",
                "text/html;q=0.5, application/json|application/json",
                "text/html, application/json|application/json",
                "text/*|text/csv",
                "*/*|application/json"
            })
    void shouldTreatHtmlLikeEveryOtherTypeWhenRatingsTie(String accept, String expected) {
        assertEquals(expected, mediaType(given().header("Accept", accept).get("/v1/articles?limit=1")));
    }

    @Test
    void shouldFallBackToXmlForABrowserWhereThereIsNoPage() {
        long id = newArticle(newCategory(), newSource(), "2026-02-03T04:05:06Z");
        Response response = given().header("Accept", BROWSER).post("/v1/articles/" + id + "/views");
        assertEquals(200, response.statusCode());
        assertEquals("application/xml", mediaType(response), "a view count has no page; XML is next in the header");
    }

    @Test
    void shouldLetFormatWinOverAccept() {
        Response response = given().header("Accept", "application/json").get("/v1/articles?limit=2&format=rss");
        assertEquals("application/rss+xml", mediaType(response));
        assertEquals(
                "application/json",
                mediaType(given().header("Accept", "application/rss+xml").get("/v1/articles?format=json&limit=1")));
    }

    @Test
    void shouldAnswer406WithTheSupportedTypesWhenNothingMatches() {
        Response response = given().header("Accept", "image/png").get("/v1/articles");
        assertEquals(406, response.statusCode());
        assertEquals("application/problem+json", mediaType(response));
        String detail = response.jsonPath().getString("detail");
        for (String type : List.of(
                "application/json",
                "application/xml",
                "text/csv",
                "application/rss+xml",
                "application/atom+xml",
                "application/feed+json",
                "text/html")) {
            assertTrue(detail.contains(type), detail);
        }
        assertEquals(406, response.jsonPath().getInt("status"));
    }

    @Test
    void shouldAnswer406ForFeedTypesOnResourcesThatAreNotArticles() {
        Response response = given().header("Accept", "application/rss+xml").get("/v1/categories");
        assertEquals(406, response.statusCode());
        assertTrue(response.jsonPath().getString("detail").contains("text/csv"));
    }

    @Test
    void shouldAnswer400ForAnUnknownFormatEvenWhenAcceptWouldWork() {
        Response response = given().header("Accept", "application/json").get("/v1/articles?format=yaml");
        assertEquals(400, response.statusCode());
        assertEquals("application/problem+json", mediaType(response));
        assertEquals("format", response.jsonPath().getString("errors[0].field"));
        assertTrue(response.jsonPath().getString("detail").contains("rss"));
        assertEquals(400, given().get("/v1/categories?format=rss").statusCode(), "no feed of categories");
        assertEquals(400, given().get("/v1/articles?format=json&format=xml").statusCode(), "format once");
    }

    @ParameterizedTest
    @CsvSource({"xml", "csv", "rss", "atom", "jsonfeed", "html"})
    void shouldDeclareUtf8OnEveryTextualType(String format) {
        String contentType =
                given().get("/v1/articles?limit=1&format=" + format).contentType();
        assertTrue(contentType.toLowerCase().replace(" ", "").contains("charset=utf-8"), contentType);
    }

    @Test
    void shouldVaryOnAccept() {
        assertTrue(given().get("/v1/articles?limit=1").header("Vary").contains("Accept"));
    }

    private static String mediaType(Response response) {
        return response.contentType().split(";")[0].strip().toLowerCase();
    }
}
