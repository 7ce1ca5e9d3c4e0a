package io.newsdesk.demo;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class DemoContentTest extends ApiTest {

    @Test
    void shouldSeedTwelveCategoriesAndThirtySourcesIncludingPoliticsAndPbs() {
        JsonPath categories =
                given().get("/v1/categories").then().statusCode(200).extract().jsonPath();
        List<String> slugs = categories.getList("items.slug");
        DemoCatalog.categories().forEach(c -> assertTrue(slugs.contains(c.slug()), c.slug()));
        assertEquals(12, DemoCatalog.categories().size());
        given().get("/v1/categories/politics-and-government")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("name")
                .equals("Politics and Government");
        assertEquals(
                "PBS",
                given().get("/v1/sources/pbs")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getString("name"));
        assertEquals(30, DemoCatalog.sources().size());
    }

    @Test
    void shouldSeedSeveralHundredArticlesOverTheLastNinetyDaysOnce() {
        long total = given().get("/v1/categories").then().extract().jsonPath().getList("items", Map.class).stream()
                .filter(c ->
                        DemoCatalog.categories().stream().anyMatch(d -> d.slug().equals(c.get("slug"))))
                .mapToLong(c -> ((Number) c.get("articleCount")).longValue())
                .sum();
        assertEquals(480, total, "demo articles are written exactly once");
        JsonPath oldest = given().queryParam("sort", "oldest")
                .queryParam("limit", 1)
                .queryParam("category", "politics-and-government")
                .get("/v1/articles")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Instant first =
                OffsetDateTime.parse(oldest.getString("items[0].publishedAt")).toInstant();
        assertTrue(first.isAfter(Instant.now().minus(92, ChronoUnit.DAYS)), "within the last 90 days");
    }

    @Test
    void shouldCarryRealWorldUnicodeAndBothNotices() {
        List<DemoArticle> articles = DemoCatalog.articles(Instant.now(), 480);
        String all = articles.stream()
                .map(a -> a.title() + a.summary() + a.content())
                .reduce("", String::concat);
        for (String needle : List.of("“", "’", "é", "Α", "東京", "🞛")) {
            assertTrue(all.contains(needle), "demo text contains " + needle);
        }
        assertTrue(articles.stream().anyMatch(DemoArticle::isSummary));
        assertTrue(articles.stream().anyMatch(a -> !a.isSummary()));
        assertTrue(articles.stream().anyMatch(DemoArticle::hasEditorialBias));
        assertEquals(articles, DemoCatalog.articles(Instant.now(), 480), "deterministic");
    }

    @Test
    void shouldServeDemoArticlesWithEveryContractField() {
        JsonPath page = given().queryParam("category", "politics-and-government")
                .queryParam("source", "pbs")
                .get("/v1/articles")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> item = page.getMap("items[0]");
        assertEquals("pbs", ((Map<?, ?>) item.get("source")).get("slug"));
        assertTrue(((String) item.get("originalUrl")).startsWith("https://www.pbs.org/"));
        assertTrue(((String) item.get("url")).endsWith("/v1/articles/" + item.get("id")));
    }
}
