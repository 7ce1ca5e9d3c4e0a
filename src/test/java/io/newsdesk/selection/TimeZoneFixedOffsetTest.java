package io.newsdesk.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A newsroom configured with a fixed offset ({@code NEWSDESK_TIME_ZONE=+05:30}): the archive, plain dates and
 * rendered timestamps all use that offset east of UTC. PostgreSQL would read a quoted '+05:30' in AT TIME ZONE
 * with the POSIX sign (west of UTC), so the archive and the date filter would disagree by eleven hours.
 */
@QuarkusTest
@TestProfile(TimeZoneFixedOffsetTest.India.class)
class TimeZoneFixedOffsetTest extends SelectionSupport {

    public static class India implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsdesk.time-zone", "+05:30");
        }
    }

    @Test
    void shouldBucketArticlesIntoDaysOfTheFixedOffsetInTheArchiveAndTheDateFilterAlike() {
        String category = newCategory();
        String source = newSource();
        long beforeLocalMidnight = publish(category, source, "2026-03-09T18:29:59Z"); // 2026-03-09 23:59:59 +05:30
        long localMidnight = publish(category, source, "2026-03-09T18:30:00Z"); // 2026-03-10 00:00 +05:30
        long utcEvening = publish(category, source, "2026-03-10T20:00:00Z"); // 2026-03-11 01:30 +05:30

        JsonPath archive = ok(dates("category", category));
        List<Map<String, Object>> items = archive.getList("items");
        assertEquals(
                List.of("2026-03-11=1", "2026-03-10=1", "2026-03-09=1"),
                items.stream()
                        .map(day -> day.get("date") + "=" + day.get("count"))
                        .toList());
        assertEquals(List.of(beforeLocalMidnight), ids(articles("category", category, "date", "2026-03-09")));
        assertEquals(List.of(localMidnight), ids(articles("category", category, "date", "2026-03-10")));
        assertEquals(List.of(utcEvening), ids(articles("category", category, "date", "2026-03-11")));
        for (Map<String, Object> item : items) {
            List<String> published =
                    ok(raw(item.get("articles") + "&limit=100")).getList("items.publishedAt");
            published.forEach(at -> assertEquals(item.get("date"), at.substring(0, 10), at));
        }
    }

    @Test
    void shouldRenderTimestampsWithTheFixedOffset() {
        String category = newCategory();
        publish(category, newSource(), "2026-03-09T18:30:00.25Z");

        assertEquals(
                List.of("2026-03-10T00:00:00.25+05:30"),
                ok(articles("category", category)).getList("items.publishedAt"));
    }

    @Test
    void shouldWriteCsvTimesWithTheFixedOffsetAsJsonDoes() throws Exception {
        String category = newCategory();
        String source = newSource();
        publish(category, source, "2026-03-09T18:29:59.999999Z");
        publish(category, source, "2026-03-09T18:30:00Z");

        assertEquals(2, assertCsvTimesAsJson(category));
    }
}
