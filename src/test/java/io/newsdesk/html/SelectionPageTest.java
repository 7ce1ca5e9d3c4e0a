package io.newsdesk.html;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.newsdesk.ApiTest;
import io.newsdesk.format.HardText;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The selection page: its filters with their (remove) links, the format switch, feed autodiscovery, paging. */
@QuarkusTest
class SelectionPageTest extends ApiTest {

    private static final Map<String, String> FEED_TYPES = Map.of(
            "rss", "application/rss+xml",
            "atom", "application/atom+xml",
            "jsonfeed", "application/feed+json");

    @Test
    void shouldListTheArticlesOfAPageAndLinkTheNextOne() {
        Fixture fixture = Fixture.create();
        Document first = Html.page(fixture.path("&limit=1"));

        List<Element> items = first.select("li.article-item");
        assertEquals(1, items.size());
        Map<String, Object> newest =
                given().get(fixture.path("&limit=1&format=json")).jsonPath().getMap("items[0]");
        Element link = items.get(0).selectFirst(".article-item-title a");
        assertEquals(newest.get("title"), link.text());
        assertEquals(newest.get("url"), link.attr("href"));
        assertEquals(
                newest.get("summary"),
                items.get(0).selectFirst(".article-item-summary").text());
        assertEquals(
                "Source " + fixture.pbs,
                items.get(0).selectFirst(".article-item-source").text());

        String next = first.selectFirst("a#next").attr("href");
        assertEquals(next, first.selectFirst("link[rel=next]").attr("href"));
        Document second = Html.page(next);
        assertEquals(1, second.select("li.article-item").size());
        assertNull(second.selectFirst("a#next"), "two articles, one a page");
    }

    @Test
    void shouldOfferARemoveLinkForEachFilterThatDropsExactlyThatFilter() {
        Fixture fixture = Fixture.create();
        Document page = Html.page(fixture.path("&limit=5&q=budget&format=html"));

        Map<String, String> removes = page.select("li.filter").stream()
                .collect(Collectors.toMap(
                        li -> li.selectFirst(".filter-label").text(),
                        li -> li.selectFirst("a.filter-remove").attr("href")));
        assertEquals(
                Set.of("Category: Category " + fixture.category, "Source: Source " + fixture.pbs, "Words: budget"),
                removes.keySet());
        for (Element remove : page.select("a.filter-remove")) {
            assertEquals("(remove)", remove.ownText());
        }

        Map<String, List<String>> withoutSource = query(removes.get("Source: Source " + fixture.pbs));
        assertEquals(
                Map.of(
                        "category", List.of(fixture.category),
                        "limit", List.of("5"),
                        "q", List.of("budget"),
                        "format", List.of("html")),
                withoutSource);
        Map<String, List<String>> withoutCategory = query(removes.get("Category: Category " + fixture.category));
        assertEquals(List.of(fixture.pbs), withoutCategory.get("source"));
        assertFalse(withoutCategory.containsKey("category"));
        assertFalse(query(removes.get("Words: budget")).containsKey("q"));
        assertEquals(
                200, Html.fetch(removes.get("Source: Source " + fixture.pbs)).statusCode());
    }

    @Test
    void shouldRemoveOneOfSeveralValuesOfAParameter() {
        Fixture fixture = Fixture.create();
        Document page = Html.page(
                "/v1/articles?category=" + fixture.category + "&source=" + fixture.pbs + "&source=" + fixture.npr);

        Element pbs = page.select("li.filter").stream()
                .filter(li -> li.text().startsWith("Source: Source " + fixture.pbs))
                .findFirst()
                .orElseThrow();
        Map<String, List<String>> query =
                query(pbs.selectFirst("a.filter-remove").attr("href"));
        assertEquals(List.of(fixture.npr), query.get("source"));
        assertEquals(List.of(fixture.category), query.get("category"));
    }

    @Test
    void shouldOfferTheSelectionInEveryFormatAndAnnounceItsFeeds() {
        Fixture fixture = Fixture.create();
        String next = given().get(fixture.path("&limit=1")).jsonPath().getString("next");
        Document page = Html.page(next);

        List<String> formats = page.select("#formats a.format-link").eachAttr("id");
        assertEquals(
                List.of("format-rss", "format-atom", "format-jsonfeed", "format-json", "format-xml", "format-csv"),
                formats);
        for (Element link : page.select("#formats a.format-link")) {
            String format = link.id().substring("format-".length());
            Map<String, List<String>> query = query(link.attr("href"));
            assertEquals(List.of(format), query.get("format"));
            assertEquals(List.of(fixture.category), query.get("category"));
            assertEquals(List.of(fixture.pbs), query.get("source"));
            assertFalse(query.containsKey("cursor"), "the selection, not the page");
            Response response = given().get(link.attr("href"));
            assertEquals(200, response.statusCode());
            assertEquals(link.attr("type"), response.contentType().split(";")[0]);
        }

        List<Element> feeds = page.select("head link[rel=alternate]");
        assertEquals(3, feeds.size());
        Set<String> seen = new HashSet<>();
        for (Element feed : feeds) {
            String format = query(feed.attr("href")).get("format").get(0);
            assertEquals(FEED_TYPES.get(format), feed.attr("type"));
            assertTrue(seen.add(format), "one link per feed format");
            assertEquals(
                    FEED_TYPES.get(format),
                    given().get(feed.attr("href")).contentType().split(";")[0]);
        }
    }

    @Test
    void shouldEscapeHardTextAndKeepItReadable() {
        String category = HardText.create();
        Response response = Html.fetch("/v1/articles?limit=20&category=" + category);
        assertFalse(response.asString().contains("<b>&amp;"), "markup in titles is text");
        assertFalse(response.asString().contains("<i>tags</i>"), "markup in summaries is text");
        Document page = Html.page("/v1/articles?limit=20&category=" + category);

        Set<String> titles = new HashSet<>(page.select(".article-item-title a").eachText());
        Set<String> expected = HardText.TITLES.stream()
                .map(title -> title.strip().replaceAll("\\s+", " "))
                .collect(Collectors.toSet());
        assertEquals(expected, titles);
        assertTrue(page.select(".article-item-summary").eachText().contains(HardText.SUMMARY.replace("\t", " ")));
    }

    @Test
    void shouldAnswerConditionalRequestsForThePage() {
        Fixture fixture = Fixture.create();
        Response first = Html.fetch(fixture.path(""));
        String etag = first.header("ETag");
        assertNotNull(etag);
        assertTrue(first.header("Vary").contains("Accept"));
        assertEquals(
                304,
                given().header("Accept", Html.BROWSER)
                        .header("If-None-Match", etag)
                        .get(fixture.path(""))
                        .statusCode());
        newArticle(fixture.category, fixture.pbs, "2026-04-04T08:00:00Z");
        assertEquals(
                200,
                given().header("Accept", Html.BROWSER)
                        .header("If-None-Match", etag)
                        .get(fixture.path(""))
                        .statusCode(),
                "a new article changes the page");
    }

    private static Map<String, List<String>> query(String url) {
        String query = URI.create(url).getRawQuery();
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            String[] nameValue = pair.split("=", 2);
            params.computeIfAbsent(nameValue[0], n -> new ArrayList<>())
                    .add(URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    /** A category with two articles from one source (PBS-like) and one from another. */
    private record Fixture(String category, String pbs, String npr) {

        static Fixture create() {
            Fixture fixture = new Fixture(newCategory(), newSource(), newSource());
            newArticle(fixture.category, fixture.pbs, "2026-04-01T08:00:00Z");
            newArticle(fixture.category, fixture.pbs, "2026-04-02T08:00:00Z");
            newArticle(fixture.category, fixture.npr, "2026-04-03T08:00:00Z");
            return fixture;
        }

        String path(String more) {
            return "/v1/articles?category=" + category + "&source=" + pbs + more;
        }
    }
}
