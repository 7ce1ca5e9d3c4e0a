package io.newsdesk.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Walking a selection page by page through {@code next} yields the selection exactly once, in order. */
@QuarkusTest
class CursorWalkTest extends SelectionSupport {

    /**
     * Eleven articles: five with distinct times, then a group of four sharing one instant, then two sharing
     * another (with microseconds), so that page boundaries fall inside groups of ties.
     */
    private static String mixedFixture() {
        String category = newCategory();
        String source = newSource();
        publish(category, source, "2026-02-01T09:00:00Z");
        publish(category, source, "2026-02-02T09:00:00Z");
        for (int i = 0; i < 4; i++) {
            publish(category, source, "2026-02-03T09:00:00Z");
        }
        publish(category, source, "2026-02-04T09:00:00Z");
        publish(category, source, "2026-02-05T09:30:00.123456Z");
        publish(category, source, "2026-02-05T09:30:00.123456Z");
        publish(category, source, "2026-02-06T09:00:00Z");
        publish(category, source, "2026-02-07T09:00:00Z");
        return category;
    }

    @Test
    void shouldWalkEveryPageSizeToTheFullSelectionNewestFirst() {
        String category = mixedFixture();
        List<Long> all = ids(articles("category", category, "limit", "100"));
        assertEquals(11, all.size());
        for (int limit = 1; limit <= 12; limit++) {
            assertEquals(all, walk("category", category, "limit", Integer.toString(limit)), "limit=" + limit);
        }
    }

    @Test
    void shouldWalkEveryPageSizeToTheFullSelectionOldestFirst() {
        String category = mixedFixture();
        List<Long> all = ids(articles("category", category, "sort", "oldest", "limit", "100"));
        assertEquals(11, all.size());
        for (int limit = 1; limit <= 12; limit++) {
            assertEquals(
                    all,
                    walk("category", category, "sort", "oldest", "limit", Integer.toString(limit)),
                    "limit=" + limit);
        }
    }

    @Test
    void shouldNeitherDuplicateNorSkipArticlesWithIdenticalPublishedAt() {
        String category = newCategory();
        String source = newSource();
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(publish(category, source, "2026-02-10T12:00:00Z"));
        }
        List<Long> oldest = walk("category", category, "sort", "oldest", "limit", "3");
        assertEquals(created, oldest);
        List<Long> newest = walk("category", category, "limit", "2");
        assertEquals(
                List.of(
                        created.get(6),
                        created.get(5),
                        created.get(4),
                        created.get(3),
                        created.get(2),
                        created.get(1),
                        created.get(0)),
                newest);
    }

    @Test
    void shouldStayStableWhenArticlesAreInsertedDuringANewestFirstWalk() {
        String category = newCategory();
        String source = newSource();
        long jan1 = publish(category, source, "2026-01-01T10:00:00Z");
        long jan3 = publish(category, source, "2026-01-03T10:00:00Z");
        long jan5 = publish(category, source, "2026-01-05T10:00:00Z");
        long jan7 = publish(category, source, "2026-01-07T10:00:00Z");
        long jan9 = publish(category, source, "2026-01-09T10:00:00Z");
        long jan11 = publish(category, source, "2026-01-11T10:00:00Z");

        JsonPath first = ok(articles("category", category, "limit", "2"));
        assertEquals(List.of(jan11, jan9), ids(first));

        // ahead of the cursor: newer than everything seen, and a tie with the last item seen (higher id)
        publish(category, source, "2026-01-12T10:00:00Z");
        publish(category, source, "2026-01-10T10:00:00Z");
        publish(category, source, "2026-01-09T10:00:00Z");
        // behind the cursor: older than the last item seen, so it belongs later in this walk
        long jan4 = publish(category, source, "2026-01-04T10:00:00Z");
        long jan2 = publish(category, source, "2026-01-02T10:00:00Z");

        JsonPath second = ok(raw(first.getString("next")));
        assertEquals(List.of(jan7, jan5), ids(second));
        long dec31 = publish(category, source, "2025-12-31T10:00:00Z");
        publish(category, source, "2026-01-06T10:00:00Z");

        List<Long> rest = new ArrayList<>();
        JsonPath page = second;
        while (page.getString("next") != null) {
            page = ok(raw(page.getString("next")));
            rest.addAll(ids(page));
        }
        assertEquals(List.of(jan4, jan3, jan2, jan1, dec31), rest);
    }

    @Test
    void shouldStayStableWhenArticlesAreInsertedDuringAnOldestFirstWalk() {
        String category = newCategory();
        String source = newSource();
        long a = publish(category, source, "2026-01-01T10:00:00Z");
        long b = publish(category, source, "2026-01-02T10:00:00Z");
        long c = publish(category, source, "2026-01-03T10:00:00Z");
        long d = publish(category, source, "2026-01-04T10:00:00Z");

        JsonPath first = ok(articles("category", category, "sort", "oldest", "limit", "2"));
        assertEquals(List.of(a, b), ids(first));
        publish(category, source, "2025-12-31T10:00:00Z");
        long later = publish(category, source, "2026-01-05T10:00:00Z");

        JsonPath second = ok(raw(first.getString("next")));
        assertEquals(List.of(c, d), ids(second));
        assertNotNull(second.getString("next"));
        JsonPath third = ok(raw(second.getString("next")));
        assertEquals(List.of(later), ids(third));
        assertNull(third.getString("next"));
    }
}
