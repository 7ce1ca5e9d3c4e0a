package io.newsdesk.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** A newsroom in New York: days, plain dates and rendered timestamps follow America/New_York, DST included. */
@QuarkusTest
@TestProfile(TimeZoneNewYorkTest.NewYork.class)
class TimeZoneNewYorkTest extends SelectionSupport {

    public static class NewYork implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsdesk.time-zone", "America/New_York");
        }
    }

    private static List<String> days(JsonPath list) {
        List<Map<String, Object>> items = list.getList("items");
        return items.stream()
                .map(day -> day.get("date") + "=" + day.get("count"))
                .toList();
    }

    private static List<Long> select(String category, String... pairs) {
        String[] all = new String[pairs.length + 4];
        all[0] = "category";
        all[1] = category;
        all[2] = "sort";
        all[3] = "oldest";
        System.arraycopy(pairs, 0, all, 4, pairs.length);
        return ids(articles(all));
    }

    @Test
    void shouldBucketArticlesIntoNewYorkDays() {
        String category = newCategory();
        String source = newSource();
        long lateEvening = publish(category, source, "2026-03-10T03:30:00Z");
        long earlyMorning = publish(category, source, "2026-03-10T05:00:00Z");

        assertEquals(List.of(lateEvening), select(category, "date", "2026-03-09"));
        assertEquals(List.of(earlyMorning), select(category, "date", "2026-03-10"));
        assertEquals(List.of("2026-03-10=1", "2026-03-09=1"), days(ok(dates("category", category))));
    }

    /** RFC 5005 archives are New York days too: the subscription document ends, and each archive is, one of them. */
    @Test
    void shouldSliceArchivedFeedsIntoNewYorkDays() {
        String category = newCategory();
        String source = newSource();
        long lateEvening = publish(category, source, "2026-03-10T03:30:00Z");
        long earlyMorning = publish(category, source, "2026-03-10T05:00:00Z");

        JsonPath subscription = feed(raw("/v1/articles?category=" + category + "&limit=1&format=jsonfeed"));
        assertEquals(List.of("urn:newsdesk:article:" + earlyMorning), subscription.getList("items.id"));
        String prev = subscription.getString("_rfc5005.prev_archive");
        assertEquals("2026-03-09", params(prev).get("archive").get(0));
        JsonPath archive = feed(raw(prev));
        assertEquals(List.of("urn:newsdesk:article:" + lateEvening), archive.getList("items.id"));
        assertEquals(true, archive.getBoolean("_rfc5005.archive"));
        assertNull(archive.getString("_rfc5005.prev_archive"), "the oldest day");
    }

    private static JsonPath feed(Response response) {
        response.then().statusCode(200).contentType("application/feed+json");
        return response.jsonPath();
    }

    @Test
    void shouldRenderPublishedAtWithTheNewYorkOffsetOfThatInstant() {
        String category = newCategory();
        String source = newSource();
        publish(category, source, "2026-01-15T12:00:00Z");
        publish(category, source, "2026-03-10T03:30:00Z");
        publish(category, source, "2026-07-04T16:00:00.5Z");
        JsonPath page = ok(articles("category", category, "sort", "oldest"));
        assertEquals(
                List.of("2026-01-15T07:00:00-05:00", "2026-03-09T23:30:00-04:00", "2026-07-04T12:00:00.5-04:00"),
                page.getList("items.publishedAt"));
    }

    @Test
    void shouldCountTheTwentyThreeHoursOfTheSpringForwardDay() {
        String category = newCategory();
        String source = newSource();
        long beforeMidnight = publish(category, source, "2026-03-08T04:59:59Z"); // 2026-03-07 23:59:59 EST
        long midnight = publish(category, source, "2026-03-08T05:00:00Z"); // 2026-03-08 00:00 EST
        long afterJump = publish(category, source, "2026-03-08T07:00:00Z"); // 2026-03-08 03:00 EDT
        long lastSecond = publish(category, source, "2026-03-09T03:59:59Z"); // 2026-03-08 23:59:59 EDT
        long nextMidnight = publish(category, source, "2026-03-09T04:00:00Z"); // 2026-03-09 00:00 EDT

        assertEquals(List.of(midnight, afterJump, lastSecond), select(category, "date", "2026-03-08"));
        assertEquals(List.of(beforeMidnight), select(category, "date", "2026-03-07"));
        assertEquals(List.of(nextMidnight), select(category, "date", "2026-03-09"));
        assertEquals(List.of("2026-03-09=1", "2026-03-08=3", "2026-03-07=1"), days(ok(dates("category", category))));

        JsonPath day = ok(articles("category", category, "date", "2026-03-08", "sort", "oldest"));
        assertEquals(
                List.of("2026-03-08T00:00:00-05:00", "2026-03-08T03:00:00-04:00", "2026-03-08T23:59:59-04:00"),
                day.getList("items.publishedAt"));
    }

    @Test
    void shouldReadPlainDatesInFromAndToAsNewYorkDays() {
        String category = newCategory();
        String source = newSource();
        long lateEvening = publish(category, source, "2026-03-10T03:30:00Z");
        long earlyMorning = publish(category, source, "2026-03-10T05:00:00Z");
        long nextDay = publish(category, source, "2026-03-11T04:00:00Z");

        assertEquals(List.of(lateEvening), select(category, "to", "2026-03-09"));
        assertEquals(List.of(earlyMorning, nextDay), select(category, "from", "2026-03-10"));
        assertEquals(List.of(earlyMorning), select(category, "from", "2026-03-10", "to", "2026-03-10"));
        // date-times keep their own offset whatever the zone
        assertEquals(List.of(earlyMorning, nextDay), select(category, "from", "2026-03-10T05:00:00Z"));
        assertEquals(List.of(lateEvening, earlyMorning), select(category, "to", "2026-03-11T00:00:00-04:00"));
    }

    @Test
    void shouldLinkEachNewYorkDayToExactlyItsArticles() {
        String category = newCategory();
        String source = newSource();
        publish(category, source, "2026-03-08T04:59:59Z");
        publish(category, source, "2026-03-08T05:00:00Z");
        publish(category, source, "2026-03-09T03:59:59Z");
        publish(category, source, "2026-03-10T03:30:00Z");
        publish(category, source, "2026-03-10T05:00:00Z");

        JsonPath list = ok(dates("category", category));
        assertEquals(List.of("2026-03-10=1", "2026-03-09=1", "2026-03-08=2", "2026-03-07=1"), days(list));
        List<Map<String, Object>> items = list.getList("items");
        for (Map<String, Object> item : items) {
            String url = (String) item.get("articles");
            List<String> published = ok(raw(url + "&limit=100")).getList("items.publishedAt");
            assertEquals(((Number) item.get("count")).intValue(), published.size(), url);
            published.forEach(at -> assertEquals(item.get("date"), at.substring(0, 10), at));
        }
    }

    /** CSV date-times as JSON's on both sides of the change to daylight saving time, with fractions. */
    @Test
    void shouldWriteCsvTimesInNewYorkAsJsonDoes() throws Exception {
        String category = newCategory();
        String source = newSource();
        publish(category, source, "2026-03-08T06:59:59.5Z"); // 01:59:59.5 -05:00
        publish(category, source, "2026-03-08T07:00:00.000001Z"); // 03:00:00.000001 -04:00
        publish(category, source, "2026-11-01T05:30:00.120Z"); // 01:30:00.12 -04:00, before the change back

        assertEquals(3, assertCsvTimesAsJson(category));
    }
}
