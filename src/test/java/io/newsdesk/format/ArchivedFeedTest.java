package io.newsdesk.format;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * RFC 5005 archived feeds: following {@code prev-archive} from a feed's subscription document reads every article
 * of its selection exactly once, in every feed format, whatever the filters and {@code limit}; archives say
 * {@code fh:archive}, link {@code current}, are cached for a day when their day is over, and answer conditional
 * requests; a selection that fits one document says {@code fh:complete}; {@code next} paging stays as it was.
 * The fixture: a category and a source of their own, with articles on 2025-01-01 to 2025-01-07 (none on the 3rd),
 * the newest two of each day at the same instant.
 */
@QuarkusTest
class ArchivedFeedTest extends ApiTest {

    /** Articles of each day from 2025-01-01. */
    private static final int[] PER_DAY = {3, 1, 0, 4, 2, 5, 12};

    private static final String ARCHIVED = "public, max-age=86400";
    private static final String CURRENT = "public, max-age=30, stale-while-revalidate=30";
    private static String category;
    private static String source;

    /** Creates the fixture once: {@code PER_DAY} articles a day, hours apart, the newest two at the same instant. */
    private static synchronized String category() {
        if (category == null) {
            category = newCategory();
            source = newSource();
            for (int day = 0; day < PER_DAY.length; day++) {
                for (int k = 0; k < PER_DAY[day]; k++) {
                    int hour = 8 + Math.min(k, Math.max(0, PER_DAY[day] - 2));
                    newArticle(category, source, String.format("2025-01-%02dT%02d:30:00Z", day + 1, hour));
                }
            }
        }
        return category;
    }

    @ParameterizedTest
    @CsvSource({
        "atom, category={c}&limit=4",
        "rss, category={c}&limit=4",
        "jsonfeed, category={c}&limit=4",
        "atom, category={c}&limit=1",
        "rss, category={c}&limit=14",
        "jsonfeed, category={c}",
        "atom, source={s}&from=2025-01-02&to=2025-01-06&limit=2",
        "rss, category={c}&source={s}&q=council&limit=3",
        "jsonfeed, category={c}&limit=25",
        "atom, category={c}&limit=100"
    })
    void shouldReachEveryArticleOfTheSelectionExactlyOnceByFollowingPrevArchive(String format, String query) {
        String selection = query.replace("{c}", category()).replace("{s}", source);
        List<String> expected = everyId(selection);
        assertTrue(expected.size() > 1, "the selection is not trivial");

        String subscriptionUrl = "/v1/articles?" + selection + "&format=" + format;
        ArchiveDocument subscription = ArchiveDocument.get(subscriptionUrl, format);
        assertEquals(CURRENT, subscription.response().header("Cache-Control"));
        assertEquals(subscription.furtherLinks(), subscription.linkHeader(), "the Link header says what the body says");
        assertSubscription(subscription, expected, limit(selection));

        List<String> seen = new ArrayList<>(subscription.ids());
        List<LocalDate> days = new ArrayList<>();
        String prev = subscription.link("prev-archive");
        while (prev != null) {
            ArchiveDocument archive = ArchiveDocument.get(prev, format);
            assertEquals("archive", archive.marker(), prev);
            assertEquals(ARCHIVED, archive.response().header("Cache-Control"), prev);
            assertEquals(canonical(selection, format), archive.link("current"), "current: the subscription document");
            assertEquals(prev, archive.link("self"));
            assertNull(archive.link("next"), "an archive is a whole day: no pages");
            assertEquals(archive.furtherLinks(), archive.linkHeader());
            assertFalse(archive.ids().isEmpty(), "prev-archive names days that have articles: " + prev);
            LocalDate day =
                    LocalDate.parse(prev.substring(prev.indexOf("archive=") + 8, prev.indexOf("archive=") + 18));
            assertTrue(days.isEmpty() || day.isBefore(days.get(days.size() - 1)), "each archive an earlier day");
            days.add(day);
            seen.addAll(archive.ids());
            prev = archive.link("prev-archive");
        }
        assertEquals(expected.size(), new HashSet<>(seen).size(), "no article twice: " + seen);
        assertEquals(expected, seen, "every article once, newest first, as the JSON pages list them");
    }

    @ParameterizedTest
    @ValueSource(strings = {"atom", "rss", "jsonfeed"})
    void shouldLinkArchivesOfTheFixtureDayByDay(String format) {
        String url = "/v1/articles?category=" + category() + "&limit=4&format=" + format;
        ArchiveDocument subscription = ArchiveDocument.get(url, format);
        assertEquals(PER_DAY[6], subscription.ids().size(), "the newest 4 and the rest of their day, the 7th");
        assertEquals(archiveUrl(format, "2025-01-06"), subscription.link("prev-archive"));

        ArchiveDocument sixth = ArchiveDocument.get(subscription.link("prev-archive"), format);
        assertEquals(PER_DAY[5], sixth.ids().size());
        assertEquals(archiveUrl(format, "2025-01-05"), sixth.link("prev-archive"));
        assertNull(sixth.link("next-archive"), "the 7th is in the subscription document, not an archive");

        ArchiveDocument fourth = ArchiveDocument.get(archiveUrl(format, "2025-01-04"), format);
        assertEquals(archiveUrl(format, "2025-01-02"), fourth.link("prev-archive"), "the 3rd has no articles");
        assertNull(fourth.link("next-archive"), "the subscription document at the default limit starts on the 4th");

        ArchiveDocument second = ArchiveDocument.get(archiveUrl(format, "2025-01-02"), format);
        assertEquals(archiveUrl(format, "2025-01-01"), second.link("prev-archive"));
        assertNull(second.link("next-archive"), "the 2nd is the newest archive at the default limit");

        ArchiveDocument first = ArchiveDocument.get(archiveUrl(format, "2025-01-01"), format);
        assertEquals(PER_DAY[0], first.ids().size());
        assertNull(first.link("prev-archive"), "the oldest archive ends the walk");
        assertEquals(archiveUrl(format, "2025-01-02"), first.link("next-archive"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"atom", "rss", "jsonfeed"})
    void shouldServeADayWithoutArticlesAsAnEmptyArchiveThatLinksOn(String format) {
        ArchiveDocument third = ArchiveDocument.get(archiveUrl(format, "2025-01-03"), format);
        assertTrue(third.ids().isEmpty());
        assertEquals("archive", third.marker());
        assertEquals(archiveUrl(format, "2025-01-02"), third.link("prev-archive"));
        assertEquals(ARCHIVED, third.response().header("Cache-Control"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"atom", "rss", "jsonfeed"})
    void shouldCacheTodaysArchiveLikeEveryFeed(String format) {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        ArchiveDocument archive = ArchiveDocument.get(archiveUrl(format, today), format);
        assertEquals("archive", archive.marker());
        assertEquals(CURRENT, archive.response().header("Cache-Control"), "today is not over");
        assertEquals(archiveUrl(format, "2025-01-07"), archive.link("prev-archive"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"atom", "rss", "jsonfeed"})
    void shouldSayCompleteWhenTheSelectionFitsOneDocument(String format) {
        for (String selection : List.of(
                "category=" + category() + "&date=2025-01-04",
                "category=" + category() + "&limit=" + total(),
                "category=" + category() + "&sort=oldest&limit=100")) {
            ArchiveDocument document = ArchiveDocument.get("/v1/articles?" + selection + "&format=" + format, format);
            assertEquals("complete", document.marker(), selection);
            assertEquals(everyId(selection), document.ids(), selection);
            assertNull(document.link("prev-archive"), selection);
            assertNull(document.link("next"), selection);
            assertEquals(
                    java.util.Set.of("hub"),
                    document.linkHeader().keySet(),
                    "no archive to link, only the WebSub hub (and self): " + selection);
        }
    }

    /** Pages after a cursor and pages oldest first are a paged feed (RFC 5005 section 3): next only. */
    @ParameterizedTest
    @ValueSource(strings = {"atom", "rss", "jsonfeed"})
    void shouldKeepNextPagingAsItWas(String format) {
        String selection = "category=" + category() + "&limit=4";
        JsonPath json = given().get("/v1/articles?" + selection)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(4, json.getList("items").size(), "JSON pages stay limit items");
        assertNotNull(json.getString("next"));

        ArchiveDocument subscription = ArchiveDocument.get("/v1/articles?" + selection + "&format=" + format, format);
        List<String> seen = new ArrayList<>(subscription.ids());
        String next = subscription.link("next");
        while (next != null) {
            ArchiveDocument page = ArchiveDocument.get(next, format);
            assertTrue(page.ids().size() <= 4, "a page after a cursor has at most limit items");
            assertNull(page.marker(), "a page of a paged feed is neither archive nor complete");
            assertNull(page.link("prev-archive"));
            assertNull(page.response().header("Link"));
            seen.addAll(page.ids());
            next = page.link("next");
        }
        assertEquals(everyId(selection), seen, "next from the subscription document reads the rest once");

        ArchiveDocument oldest =
                ArchiveDocument.get("/v1/articles?" + selection + "&sort=oldest&format=" + format, format);
        assertEquals(4, oldest.ids().size());
        assertNull(oldest.marker());
        assertNull(oldest.link("prev-archive"));
        assertNotNull(oldest.link("next"));
    }

    @Test
    void shouldAnswerAConditionalGetOfAnArchiveWith304() {
        String url = archiveUrl("atom", "2025-01-05");
        Response first = given().get(url);
        assertEquals(200, first.statusCode());
        String etag = first.header("ETag");
        Response again = given().header("If-None-Match", etag).get(url);
        assertEquals(304, again.statusCode());
        assertEquals(etag, again.header("ETag"));
        assertEquals(ARCHIVED, again.header("Cache-Control"), "a 304 repeats the caching of its 200");
        Response since = given().header("If-Modified-Since", first.header("Last-Modified"))
                .get(url);
        assertEquals(304, since.statusCode());
        assertEquals(200, given().header("If-None-Match", "\"other\"").get(url).statusCode());
    }

    /** Links to documents of the feed carry its format, also when Accept alone chose it. */
    @Test
    void shouldPinTheFormatOntoArchiveLinksWhenAcceptChoseIt() {
        Response response = given().urlEncodingEnabled(false)
                .header("Accept", "application/atom+xml")
                .get("/v1/articles?category=" + category() + "&archive=2025-01-05");
        assertEquals(200, response.statusCode());
        ArchiveDocument archive = ArchiveDocument.read("atom", response);
        assertEquals(params(archiveUrl("atom", "2025-01-04")), params(archive.link("prev-archive")));
        assertEquals(params(canonical("category=" + category(), "atom")), params(archive.link("current")));
        assertEquals(archive.furtherLinks(), archive.linkHeader());
    }

    /** The feed of everything, chosen by Accept: its links are the bare path with the archive day and format. */
    @Test
    void shouldLinkTheUnfilteredFeedsArchivesWithoutStrayCharacters() {
        category();
        Response response = given().header("Accept", "application/atom+xml").get("/v1/articles?archive=2025-01-05");
        assertEquals(200, response.statusCode());
        ArchiveDocument archive = ArchiveDocument.read("atom", response);
        String base = "http://localhost:" + RestAssured.port + "/v1/articles";
        assertEquals(base + "?format=atom", archive.link("current"));
        assertEquals(base + "?archive=2025-01-04&format=atom", archive.link("prev-archive"));
        assertTrue(archive.ids().size() >= PER_DAY[4], "the fixture's articles of the 5th, and any other test's");
    }

    @Test
    void shouldReadAnAtomAndAnRssArchiveWithRome() throws Exception {
        for (String format : List.of("atom", "rss")) {
            byte[] body = FeedTests.feed(archiveUrl(format, "2025-01-04"), ArchiveDocument.mediaType(format));
            SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));
            assertEquals(PER_DAY[3], feed.getEntries().size(), format);
            assertTrue(feed.getDescription().contains("2025-01-04"), feed.getDescription());
            Map<String, String> links = feed.getLinks().stream()
                    .filter(link -> link.getRel() != null)
                    .collect(Collectors.toMap(SyndLink::getRel, SyndLink::getHref, (a, b) -> a));
            if (format.equals("atom")) {
                assertEquals(archiveUrl(format, "2025-01-02"), links.get("prev-archive"), links::toString);
                assertEquals(canonical("category=" + category(), format), links.get("current"));
            }
            boolean marked = feed.getForeignMarkup().stream()
                    .anyMatch(e -> e.getName().equals("archive") && ArchiveDocument.FH.equals(e.getNamespaceURI()));
            assertTrue(marked, format + ": fh:archive");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "archive=2025-13-01&format=atom, archive",
        "archive=2025-1-5&format=rss, archive",
        "archive=yesterday&format=jsonfeed, archive",
        "archive=2025-01-05&archive=2025-01-04&format=atom, archive",
        "archive=2025-01-05&format=json, rss",
        "archive=2025-01-05&format=csv, rss",
        "archive=2025-01-05&format=html, rss",
        "archive=2025-01-05&cursor=abc&format=atom, cursor"
    })
    void shouldAnswerABadArchiveWithAProblemAPersonCanActOn(String query, String mentioned) {
        Response response = given().urlEncodingEnabled(false).get("/v1/articles?category=" + category() + "&" + query);
        assertEquals(400, response.statusCode(), response.asString());
        assertEquals("application/problem+json", response.contentType());
        assertEquals("archive", response.jsonPath().getString("errors[0].field"));
        String detail = response.jsonPath().getString("detail");
        assertTrue(detail.contains(mentioned), detail);
    }

    /**
     * The newest articles, at least {@code limit} of them, and older days as archives and next pages; or, when the
     * oldest day it reaches is the selection's oldest, all of them and {@code fh:complete}.
     */
    private static void assertSubscription(ArchiveDocument subscription, List<String> expected, int limit) {
        int size = subscription.ids().size();
        assertEquals(expected.subList(0, size), subscription.ids(), "the newest articles, newest first");
        assertTrue(size >= Math.min(limit, expected.size()), "at least limit articles");
        if (subscription.link("prev-archive") == null) {
            assertEquals("complete", subscription.marker());
            assertEquals(expected, subscription.ids());
            assertNull(subscription.link("next"));
        } else {
            assertNull(subscription.marker(), "a subscription document is neither archive nor complete");
            assertNotNull(subscription.link("next"), "next pages, as before");
        }
    }

    /** Every article id of the selection in the JSON pages' order, as the feeds' item ids. */
    private static List<String> everyId(String selection) {
        String query = selection.replaceAll("&?limit=\\d+", "") + "&limit=100";
        JsonPath page = given().urlEncodingEnabled(false)
                .get("/v1/articles?" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertNull(page.getString("next"), "the fixture fits one JSON page of 100");
        return page.getList("items.id", Long.class).stream()
                .map(id -> "urn:newsdesk:article:" + id)
                .toList();
    }

    private static int limit(String selection) {
        int at = selection.indexOf("limit=");
        return at < 0 ? 20 : Integer.parseInt(selection.substring(at + 6).split("&")[0]);
    }

    private static int total() {
        int total = 0;
        for (int count : PER_DAY) {
            total += count;
        }
        return total;
    }

    /** The subscription document as archives name it: filters and format, without limit, sort and cursor. */
    private static String canonical(String selection, String format) {
        String filters = selection.replaceAll("&?(limit|sort)=[^&]*", "").replaceFirst("^&", "");
        return "http://localhost:" + RestAssured.port + "/v1/articles?" + filters + "&format=" + format;
    }

    /** The query parameters of a URL, in any order. */
    private static Set<String> params(String url) {
        return Set.of(URI.create(url).getRawQuery().split("&"));
    }

    private static String archiveUrl(String format, String day) {
        return canonical("category=" + category(), format) + "&archive=" + day;
    }
}
