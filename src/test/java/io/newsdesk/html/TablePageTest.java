package io.newsdesk.html;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Categories, sources and the archive of days as accessible tables whose links say where they lead. */
@QuarkusTest
class TablePageTest extends ApiTest {

    @Test
    void shouldLinkEachDayOfTheArchiveToThatDaysSelection() {
        String category = newCategory();
        String source = newSource();
        newArticle(category, source, "2026-06-01T08:00:00Z");
        newArticle(category, source, "2026-06-03T08:00:00Z");
        JsonPath json = given().get("/v1/dates?category=" + category).jsonPath();

        Document page = Html.page("/v1/dates?category=" + category);

        assertEquals("Days with articles", page.selectFirst("h1").text());
        assertEquals("Days with articles", page.selectFirst("table caption").text());
        assertEquals(
                List.of("Date", "Count", "Articles"),
                page.select("thead th[scope=col]").eachText());
        List<Element> links = page.select("tbody a");
        assertEquals(2, links.size());
        assertEquals("Articles of 2026-06-03", links.get(0).text());
        assertEquals(json.getString("items[0].articles"), links.get(0).attr("href"));
        assertEquals("2026-06-03", page.selectFirst("tbody tr th[scope=row]").text());
        assertEquals(
                1,
                Html.page(links.get(1).attr("href")).select("li.article-item").size());
    }

    @Test
    void shouldShowCategoriesAndSourcesWithLinksThatMakeSenseAlone() {
        String category = newCategory();
        String source = newSource();
        newArticle(category, source, "2026-06-05T08:00:00Z");

        Document categories = Html.page("/v1/categories");
        assertEquals("Categories", categories.selectFirst("h1").text());
        Element row = categories.select("tbody tr").stream()
                .filter(tr -> tr.selectFirst("th").text().equals(category))
                .findFirst()
                .orElseThrow();
        assertEquals("Category Category " + category, row.selectFirst("a").text());

        Document one = Html.page("/v1/sources/" + source);
        assertEquals("Source Source " + source, one.selectFirst("h1").text());
        Element website = one.selectFirst("tbody a");
        assertEquals("https://" + source + ".example.org", website.attr("href"));
        assertEquals("Website of Source " + source, website.text());
        assertEquals("1", one.select("tbody td").last().text());
    }

    @Test
    void shouldAnswerConditionalRequestsForTables() {
        Response first = Html.fetch("/v1/categories");
        String etag = first.header("ETag");
        assertNotNull(etag);
        assertTrue(first.header("Vary").contains("Accept"));
        assertEquals(
                304,
                given().header("Accept", Html.BROWSER)
                        .header("If-None-Match", etag)
                        .get("/v1/categories")
                        .statusCode());
    }
}
