package io.newsdesk.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class SelectionSortAndLimitTest extends SelectionSupport {

    /** {@code count} articles an hour apart in the category, oldest first; returns their ids in that order. */
    private static List<Long> hourly(String category, int count) {
        String source = newSource();
        Instant start = Instant.parse("2026-01-01T08:00:00Z");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(publish(category, source, start.plus(i, ChronoUnit.HOURS).toString()));
        }
        return ids;
    }

    private static List<Long> reversed(List<Long> ids) {
        List<Long> copy = new ArrayList<>(ids);
        Collections.reverse(copy);
        return copy;
    }

    @Test
    void shouldSortNewestFirstByDefault() {
        String category = newCategory();
        List<Long> oldestFirst = hourly(category, 4);
        assertEquals(reversed(oldestFirst), ids(articles("category", category)));
        assertEquals(reversed(oldestFirst), ids(articles("category", category, "sort", "newest")));
    }

    @Test
    void shouldSortOldestFirstOnRequest() {
        String category = newCategory();
        List<Long> oldestFirst = hourly(category, 4);
        assertEquals(oldestFirst, ids(articles("category", category, "sort", "oldest")));
    }

    @Test
    void shouldBreakTiesOfPublishedAtById() {
        String category = newCategory();
        String source = newSource();
        long first = publish(category, source, "2026-02-01T10:00:00Z");
        long second = publish(category, source, "2026-02-01T10:00:00Z");
        long third = publish(category, source, "2026-02-01T10:00:00Z");
        assertEquals(List.of(third, second, first), ids(articles("category", category)));
        assertEquals(List.of(first, second, third), ids(articles("category", category, "sort", "oldest")));
    }

    @Test
    void shouldReturn400ForUnknownSort() {
        for (String bad : List.of("random", "NEWEST", "asc", "publishedAt")) {
            assertInvalidParameter(articles("sort", bad), "sort");
        }
    }

    @Test
    void shouldReturnTwentyArticlesByDefaultAndAHundredAtMost() {
        String category = newCategory();
        List<Long> newestFirst = reversed(hourly(category, 101));
        JsonPath byDefault = ok(articles("category", category));
        assertEquals(newestFirst.subList(0, 20), ids(byDefault));
        assertNotNull(byDefault.getString("next"), "the 21st is on the next page");
        JsonPath hundred = ok(articles("category", category, "limit", "100"));
        assertEquals(newestFirst.subList(0, 100), ids(hundred));
        JsonPath rest = ok(raw(hundred.getString("next")));
        assertEquals(newestFirst.subList(100, 101), ids(rest));
        assertNull(rest.getString("next"));
    }

    @Test
    void shouldHonourLimitsFromOneToHundred() {
        String category = newCategory();
        List<Long> newestFirst = reversed(hourly(category, 5));
        assertEquals(newestFirst.subList(0, 1), ids(articles("category", category, "limit", "1")));
        assertEquals(newestFirst.subList(0, 4), ids(articles("category", category, "limit", "4")));
        JsonPath all = ok(articles("category", category, "limit", "100"));
        assertEquals(newestFirst, ids(all));
        assertNull(all.getString("next"));
    }

    @Test
    void shouldReturn400ForLimitsOutsideOneToHundredInsteadOfClamping() {
        for (String bad : List.of("0", "101", "-1", "abc", "1.5", "1000", "99999999999", " 5", "1e2")) {
            assertInvalidParameter(articles("limit", bad), "limit");
        }
    }

    @Test
    void shouldReturn400ForARepeatedLimit() {
        assertInvalidParameter(articles("limit", "5", "limit", "5"), "limit");
    }
}
