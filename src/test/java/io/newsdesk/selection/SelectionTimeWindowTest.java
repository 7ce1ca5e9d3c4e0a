package io.newsdesk.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** {@code date}, {@code from} and {@code to} in the default zone, UTC, around the edges of 2026-03-10. */
@QuarkusTest
class SelectionTimeWindowTest extends SelectionSupport {

    private String category;
    private long lastOfNinth;
    private long ninthAt2300;
    private long firstOfTenth;
    private long noonOfTenth;
    private long lastOfTenth;
    private long firstOfEleventh;

    @BeforeEach
    void createArticlesAroundTheTenthOfMarch() {
        category = newCategory();
        String source = newSource();
        ninthAt2300 = publish(category, source, "2026-03-09T23:00:00Z");
        lastOfNinth = publish(category, source, "2026-03-09T23:59:59.999999Z");
        firstOfTenth = publish(category, source, "2026-03-10T00:00:00Z");
        noonOfTenth = publish(category, source, "2026-03-10T12:00:00Z");
        lastOfTenth = publish(category, source, "2026-03-10T23:59:59.999999Z");
        firstOfEleventh = publish(category, source, "2026-03-11T00:00:00Z");
    }

    private List<Long> select(String... window) {
        String[] pairs = new String[window.length + 4];
        pairs[0] = "category";
        pairs[1] = category;
        pairs[2] = "sort";
        pairs[3] = "oldest";
        System.arraycopy(window, 0, pairs, 4, window.length);
        return ids(articles(pairs));
    }

    @Test
    void shouldSelectExactlyOneUtcDayWithDate() {
        assertEquals(List.of(firstOfTenth, noonOfTenth, lastOfTenth), select("date", "2026-03-10"));
        assertEquals(List.of(ninthAt2300, lastOfNinth), select("date", "2026-03-09"));
        assertEquals(List.of(), select("date", "2026-03-12"));
    }

    @Test
    void shouldRenderPublishedAtInUtcWithMicrosecondsOnlyWhenNonZero() {
        JsonPath page = ok(articles("category", category, "date", "2026-03-10", "sort", "oldest"));
        assertEquals(
                List.of("2026-03-10T00:00:00Z", "2026-03-10T12:00:00Z", "2026-03-10T23:59:59.999999Z"),
                page.getList("items.publishedAt"));
    }

    @Test
    void shouldIncludeFromAsPlainDateFromMidnight() {
        assertEquals(List.of(firstOfTenth, noonOfTenth, lastOfTenth, firstOfEleventh), select("from", "2026-03-10"));
    }

    @Test
    void shouldIncludeTheWholeDayOfAPlainDateInTo() {
        assertEquals(
                List.of(ninthAt2300, lastOfNinth, firstOfTenth, noonOfTenth, lastOfTenth), select("to", "2026-03-10"));
    }

    @Test
    void shouldSelectOneDayWithTheSamePlainDateInFromAndTo() {
        assertEquals(select("date", "2026-03-10"), select("from", "2026-03-10", "to", "2026-03-10"));
    }

    @Test
    void shouldIncludeFromDateTimeOnTheBoundary() {
        assertEquals(List.of(noonOfTenth, lastOfTenth, firstOfEleventh), select("from", "2026-03-10T12:00:00Z"));
        assertEquals(List.of(lastOfTenth, firstOfEleventh), select("from", "2026-03-10T23:59:59.999999Z"));
    }

    @Test
    void shouldExcludeToDateTimeOnTheBoundary() {
        assertEquals(List.of(ninthAt2300, lastOfNinth, firstOfTenth), select("to", "2026-03-10T12:00:00Z"));
        assertEquals(List.of(ninthAt2300, lastOfNinth), select("to", "2026-03-10T00:00:00Z"));
        assertEquals(
                List.of(ninthAt2300, lastOfNinth, firstOfTenth, noonOfTenth, lastOfTenth),
                select("to", "2026-03-11T00:00:00Z"));
    }

    @Test
    void shouldHonourAPositiveOffsetInFrom() {
        // 01:00 at +02:00 is 23:00 UTC the day before
        assertEquals(
                List.of(ninthAt2300, lastOfNinth, firstOfTenth),
                select("from", "2026-03-10T01:00:00+02:00", "to", "2026-03-10T12:00:00Z"));
        assertEquals(select("from", "2026-03-09T23:00:00Z"), select("from", "2026-03-10T01:00:00+02:00"));
    }

    @Test
    void shouldHonourANegativeOffsetInTo() {
        // 20:00 at -04:00 is midnight UTC of the 11th, exclusive
        assertEquals(
                List.of(ninthAt2300, lastOfNinth, firstOfTenth, noonOfTenth, lastOfTenth),
                select("to", "2026-03-10T20:00:00-04:00"));
    }

    @Test
    void shouldReadALiteralSpaceAsThePlusOfAnOffset() {
        List<Long> encoded = ids(raw("/v1/articles?category=" + category + "&from=2026-03-10T01:00:00%2B02:00"));
        List<Long> space = ids(raw("/v1/articles?category=" + category + "&from=2026-03-10T01:00:00%2002:00"));
        List<Long> unencodedPlus = ids(raw("/v1/articles?category=" + category + "&from=2026-03-10T01:00:00+02:00"));
        assertEquals(
                List.of(firstOfEleventh, lastOfTenth, noonOfTenth, firstOfTenth, lastOfNinth, ninthAt2300), encoded);
        assertEquals(encoded, space);
        assertEquals(encoded, unencodedPlus);
    }

    @Test
    void shouldIntersectDateWithFromAndTo() {
        assertEquals(
                List.of(noonOfTenth),
                select("date", "2026-03-10", "from", "2026-03-10T06:00:00Z", "to", "2026-03-10T18:00:00Z"));
    }

    @Test
    void shouldReturn400ForImpossibleOrMalformedDates() {
        for (String bad : List.of(
                "2026-02-30",
                "2026-02-29",
                "2026-13-01",
                "2026-00-10",
                "2026-3-10",
                "10.03.2026",
                "yesterday",
                "2026-03-10T12:00:00Z")) {
            assertInvalidParameter(articles("category", category, "date", bad), "date");
        }
    }

    @Test
    void shouldReturn400ForMalformedFromAndTo() {
        for (String bad : List.of(
                "2026-02-30",
                "2026-13-01",
                "garbage",
                "2026-03-10T12:00:00",
                "2026-03-10T25:00:00Z",
                "2026-03-10 12:00:00Z",
                "1741608000")) {
            assertInvalidParameter(articles("category", category, "from", bad), "from");
            assertInvalidParameter(articles("category", category, "to", bad), "to");
        }
    }

    @Test
    void shouldReturn400WhenFromIsNotBeforeTo() {
        assertInvalidParameter(
                articles("category", category, "from", "2026-03-10T12:00:00Z", "to", "2026-03-10T12:00:00Z"), "from");
        assertInvalidParameter(articles("category", category, "from", "2026-03-11", "to", "2026-03-10"), "from");
        assertInvalidParameter(
                articles("category", category, "from", "2026-03-10T13:00:00+01:00", "to", "2026-03-10T12:00:00Z"),
                "from");
    }
}
