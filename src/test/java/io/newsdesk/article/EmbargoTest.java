package io.newsdesk.article;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import com.opencsv.CSVReader;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * An article whose publishedAt lies in the future appears in no public answer before that instant (every read the
 * public has: page, feeds, CSV, HTML, the article, counts, days) and in all of them after it, with validators that
 * change at that instant; an editor's read shows it all along and is never stored by a shared cache.
 */
@QuarkusTest
class EmbargoTest extends ApiTest {

    private static final Pattern MAX_AGE = Pattern.compile("(?:max-age|s-maxage)=(\\d+)");
    private static final Pattern STALE = Pattern.compile("stale-(?:while-revalidate|if-error)=(\\d+)");

    @Test
    void shouldKeepAnEmbargoedArticleOutOfEveryPublicReadUntilItsInstantThenShowItEverywhere() throws Exception {
        String category = newCategory();
        String source = newSource();
        long published = newArticle(category, source, "2026-01-05T10:00:00Z");
        Instant release = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.MILLIS);
        long embargoed = newArticle(category, source, release.toString());
        String list = "/v1/articles?category=" + category;
        String feedTag = given().get(list + "&format=atom")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");

        Reads before = reads(category, embargoed);
        assertEquals(List.of(published), before.json());
        assertFalse(before.showsIt(), "an embargoed article leaked into a public read: " + before);
        assertEquals(404, given().get("/v1/articles/" + embargoed).statusCode());
        assertEquals(404, given().post("/v1/articles/" + embargoed + "/views").statusCode());
        Response page = given().get(list);
        String cacheControl = page.header("Cache-Control");
        long maxAge = maxAge(cacheControl);
        long left = Duration.between(Instant.now(), release).getSeconds() + 1;
        assertTrue(maxAge <= left, "max-age " + maxAge + " reaches past the release in " + left + " s");
        Matcher stale = STALE.matcher(cacheControl);
        while (stale.find()) {
            long kept = maxAge + Long.parseLong(stale.group(1));
            assertTrue(kept <= left, cacheControl + " lets a stale copy outlive the release in " + left + " s");
        }

        // an editor sees it, and no shared cache may keep that answer
        Response editors =
                given().header("Authorization", "Bearer " + EDITOR_KEY).get(list);
        assertEquals(200, editors.statusCode());
        assertEquals(List.of(embargoed, published), ids(editors.jsonPath()));
        assertEquals("private, no-store", editors.header("Cache-Control"));
        given().header("Authorization", "Bearer " + EDITOR_KEY)
                .get("/v1/articles/" + embargoed)
                .then()
                .statusCode(200)
                .header("Cache-Control", "private, no-store");
        given().header("Authorization", "Bearer wrong-key-wrong-key-wrong-key-wrong-key")
                .get(list)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");

        // up to the last millisecond before its instant, no answer that came back shows it
        int checked = 0;
        while (Instant.now().isBefore(release.minusMillis(1_000))) {
            Thread.sleep(100);
        }
        while (true) {
            List<Long> ids = ids(given().get(list).jsonPath());
            Instant answered = Instant.now();
            if (!answered.isBefore(release)) {
                break;
            }
            assertEquals(List.of(published), ids, "shown " + Duration.between(answered, release) + " early");
            checked++;
        }
        assertTrue(checked > 0, "no read was answered in the last second before the release");

        Reads after = reads(category, embargoed);
        assertEquals(List.of(embargoed, published), after.json());
        assertTrue(after.showsIt(), "the released article is missing from a public read: " + after);
        assertEquals(200, given().get("/v1/articles/" + embargoed).statusCode());
        Response revalidated = given().header("If-None-Match", feedTag).get(list + "&format=atom");
        assertEquals(200, revalidated.statusCode(), "a copy from before the release was still valid");
        assertNotEquals(feedTag, revalidated.header("ETag"));
    }

    @Test
    void shouldCountOnlyPublicArticlesInTheCatalog() {
        String category = newCategory();
        String source = newSource();
        newArticle(category, source, "2026-02-01T10:00:00Z");
        newArticle(category, source, Instant.now().plus(30, ChronoUnit.DAYS).toString());

        assertEquals(1, given().get("/v1/categories/" + category).jsonPath().getLong("articleCount"));
        assertEquals(1, given().get("/v1/sources/" + source).jsonPath().getLong("articleCount"));
        assertEquals(
                List.of(1),
                given().get("/v1/dates?category=" + category).jsonPath().getList("items.count"));
    }

    /** What each public read of the category shows. */
    private record Reads(
            List<Long> json,
            boolean rss,
            boolean atom,
            boolean jsonFeed,
            boolean csv,
            boolean html,
            long count,
            long days) {

        boolean showsIt() {
            return rss && atom && jsonFeed && csv && html && count == 2 && days == 2;
        }
    }

    private static Reads reads(String category, long id) throws Exception {
        String list = "/v1/articles?category=" + category;
        String url = "/v1/articles/" + id;
        List<String> csvIds = new ArrayList<>();
        try (CSVReader csv =
                new CSVReader(new StringReader(given().get(list + "&format=csv").asString()))) {
            List<String[]> rows = csv.readAll();
            for (String[] row : rows.subList(1, rows.size())) {
                csvIds.add(row[0]);
            }
        }
        return new Reads(
                ids(given().get(list).jsonPath()),
                feedLinks(given().get(list + "&format=rss").asString(), url),
                feedLinks(given().get(list + "&format=atom").asString(), url),
                given().get(list + "&format=jsonfeed").jsonPath().getList("items.url", String.class).stream()
                        .anyMatch(link -> link.endsWith(url)),
                csvIds.contains(Long.toString(id)),
                Jsoup.parse(given().accept("text/html").get(list).asString()).select("a[href]").stream()
                        .anyMatch(a -> a.attr("href").endsWith(url)),
                given().get("/v1/categories/" + category).jsonPath().getLong("articleCount"),
                given().get("/v1/dates?category=" + category).jsonPath().getList("items.count", Long.class).stream()
                        .mapToLong(Long::longValue)
                        .sum());
    }

    private static boolean feedLinks(String xml, String url) throws Exception {
        SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
        for (SyndEntry entry : feed.getEntries()) {
            if (entry.getLink() != null && entry.getLink().endsWith(url)) {
                return true;
            }
        }
        return false;
    }

    private static List<Long> ids(JsonPath page) {
        return page.getList("items.id", Long.class);
    }

    private static long maxAge(String cacheControl) {
        long age = Long.MAX_VALUE;
        Matcher matcher = MAX_AGE.matcher(cacheControl);
        while (matcher.find()) {
            age = Math.min(age, Long.parseLong(matcher.group(1)));
        }
        return age;
    }
}
