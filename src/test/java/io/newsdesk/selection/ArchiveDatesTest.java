package io.newsdesk.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** {@code /v1/dates} in the default zone, UTC: days with counts, newest first, within the selection. */
@QuarkusTest
class ArchiveDatesTest extends SelectionSupport {

    private String category;
    private String pbs;
    private String bbc;

    /** 2026-03-09: 2 (one a microsecond before midnight), 2026-03-10: 3 (one at midnight), 2026-03-12: 1. */
    @BeforeEach
    void createArticlesOnThreeDays() {
        category = newCategory();
        pbs = newSource();
        bbc = newSource();
        publish(category, pbs, "2026-03-09T08:00:00Z");
        publish(category, bbc, "2026-03-09T23:59:59.999999Z");
        publish(category, pbs, "2026-03-10T00:00:00Z");
        titled("Storm warning", "2026-03-10T13:00:00Z");
        publish(category, bbc, "2026-03-10T23:59:59Z");
        titled("Storm passes", "2026-03-12T06:00:00Z");
    }

    private void titled(String title, String publishedAt) {
        Map<String, Object> body = article(category, pbs, publishedAt);
        body.put("title", title);
        newArticle(body);
    }

    /** The list as "date=count" strings, in the order received. */
    private static List<String> days(JsonPath list) {
        List<Map<String, Object>> items = list.getList("items");
        return items.stream()
                .map(day -> day.get("date") + "=" + day.get("count"))
                .toList();
    }

    @Test
    void shouldCountArticlesPerUtcDayNewestFirst() {
        JsonPath list = ok(dates("category", category));
        assertEquals(List.of("2026-03-12=1", "2026-03-10=3", "2026-03-09=2"), days(list));
    }

    @Test
    void shouldLinkEachDayToExactlyItsArticles() {
        JsonPath list = ok(dates("category", category));
        List<Map<String, Object>> items = list.getList("items");
        for (Map<String, Object> day : items) {
            String url = (String) day.get("articles");
            assertTrue(url.startsWith("http"), url);
            Map<String, List<String>> params = params(url);
            assertEquals(List.of(day.get("date")), params.get("date"));
            assertEquals(List.of(category), params.get("category"));
            JsonPath page = ok(raw(url + "&limit=100"));
            List<String> published = page.getList("items.publishedAt");
            assertEquals(((Number) day.get("count")).intValue(), published.size(), url);
            published.forEach(at -> assertTrue(at.startsWith((String) day.get("date")), at));
        }
    }

    @Test
    void shouldHonourTheSourceFilter() {
        assertEquals(List.of("2026-03-10=1", "2026-03-09=1"), days(ok(dates("category", category, "source", bbc))));
        assertEquals(List.of("2026-03-12=1", "2026-03-10=2", "2026-03-09=1"), days(ok(dates("source", pbs))));
        assertEquals(
                days(ok(dates("category", category))),
                days(ok(dates("category", category, "source", pbs, "source", bbc))));
    }

    @Test
    void shouldHonourTheWordsFilter() {
        assertEquals(List.of("2026-03-12=1", "2026-03-10=1"), days(ok(dates("category", category, "q", "storm"))));
        assertEquals(List.of("2026-03-12=1"), days(ok(dates("category", category, "q", "STORM passes"))));
        assertEquals(List.of(), days(ok(dates("category", category, "q", "hurricane"))));
    }

    @Test
    void shouldHonourFromToAndDate() {
        assertEquals(
                List.of("2026-03-10=3", "2026-03-09=1"),
                days(ok(dates("category", category, "from", "2026-03-09T23:00:00Z", "to", "2026-03-10"))));
        assertEquals(
                List.of("2026-03-10=1", "2026-03-09=2"),
                days(ok(dates("category", category, "to", "2026-03-10T00:00:01+00:00"))));
        assertEquals(List.of("2026-03-10=3"), days(ok(dates("category", category, "date", "2026-03-10"))));
    }

    @Test
    void shouldKeepTheFiltersInTheArticlesLinkOfADay() {
        JsonPath list = ok(dates("category", category, "source", bbc, "from", "2026-03-10T12:00:00+01:00"));
        assertEquals(List.of("2026-03-10=1"), days(list));
        String url = list.getString("items[0].articles");
        Map<String, List<String>> params = params(url);
        assertEquals(List.of(bbc), params.get("source"));
        assertEquals(List.of("2026-03-10T12:00:00+01:00"), params.get("from"));
        assertEquals(1, ids(raw(url)).size());
    }

    @Test
    void shouldReturnAnEmptyListForASelectionWithoutArticles() {
        JsonPath list = ok(dates("category", newCategory()));
        assertEquals(List.of(), list.getList("items"));
    }

    @Test
    void shouldReturn404ForUnknownCategoryOrSource() {
        assertProblem(dates("category", uniqueSlug("missing")), 404, "unknown-slug");
        assertProblem(dates("category", category, "source", uniqueSlug("missing")), 404, "unknown-slug");
    }

    @Test
    void shouldReturn400ForBadFilters() {
        assertInvalidParameter(dates("category", "Not_A_Slug"), "category");
        assertInvalidParameter(dates("category", category, "date", "2026-02-30"), "date");
        assertInvalidParameter(dates("category", category, "from", "2026-03-10T12:00:00"), "from");
        assertInvalidParameter(dates("category", category, "from", "2026-03-11", "to", "2026-03-10"), "from");
        assertInvalidParameter(dates("category", category, "q", "x".repeat(201)), "q");
    }
}
