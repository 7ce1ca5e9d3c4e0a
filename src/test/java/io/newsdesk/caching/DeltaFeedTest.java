package io.newsdesk.caching;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Delta feeds (RFC 3229 with the {@code feed} instance manipulation): a reader that sends {@code A-IM: feed} with
 * the ETag of the version it holds gets {@code 226 IM Used} with only the items added or changed since, as a
 * feed its parser reads like any other (Rome for RSS and Atom, Jackson for JSON Feed), tagged as the current full
 * document; a version that is unknown gets the full feed, a current one 304, and readers without {@code A-IM} see
 * no difference. Caches are kept out of the 226 ({@code no-store, im}) and told that feeds vary on {@code A-IM}.
 */
@QuarkusTest
class DeltaFeedTest extends CachingSupport {

    private static final String IM_USED_CACHE_CONTROL = "no-store, im";

    @ParameterizedTest
    @ValueSource(strings = {"rss", "atom", "jsonfeed"})
    void shouldSendOnlyTheAddedArticleToAReaderThatNamesItsVersion(String format) {
        Polled polled = polledThenPublished(3, format);

        Response delta = polled.delta("feed");

        assertEquals(226, delta.statusCode(), delta::asString);
        assertTrue(delta.statusLine().endsWith(" 226 IM Used"), delta.statusLine());
        assertEquals("feed", delta.header("IM"));
        assertEquals(polled.held(), delta.header("Delta-Base"));
        assertEquals(IM_USED_CACHE_CONTROL, delta.header("Cache-Control"));
        assertTrue(vary(delta).containsAll(List.of("accept", "a-im")), vary(delta)::toString);
        assertEquals(List.of(title(polled.added())), Titles.of(format, delta.asByteArray()), "only the new article");
        Response now = ok(polled.url(), format);
        assertEquals(now.header("ETag"), delta.header("ETag"), "the 226 names the current full document");
        assertEquals(now.header("Last-Modified"), delta.header("Last-Modified"));
        assertEquals(now.contentType(), delta.contentType());
        assertEquals(4, Titles.of(format, now.asByteArray()).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rss", "atom", "jsonfeed"})
    void shouldSendAnEditedArticleInTheNextDeltaAndThenWhatWasAddedSince(String format) {
        Newsroom newsroom = newsroom(3);
        String url = newsroom.articles(format);
        String held = ok(url, format).header("ETag");
        long edited = newsroom.ids().get(1);
        assertEquals(200, retitle(edited, null).statusCode());

        Response first = get(url, "A-IM", "feed", "If-None-Match", held);
        assertEquals(226, first.statusCode(), first::asString);
        assertEquals(List.of(title(edited)), Titles.of(format, first.asByteArray()), "only the edited article");

        long added = newsroom.publish("2026-03-09T12:00:00Z");
        Response second = get(url, "A-IM", "feed", "If-None-Match", first.header("ETag"));
        assertEquals(226, second.statusCode(), second::asString);
        assertEquals(List.of(title(added)), Titles.of(format, second.asByteArray()), "the edit was sent already");

        Response third = get(url, "A-IM", "feed", "If-None-Match", second.header("ETag"));
        assertEquals(304, third.statusCode(), "nothing changed since the last delta");
        assertEquals(second.header("ETag"), third.header("ETag"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rss", "atom", "jsonfeed"})
    void shouldAnswerAnUnknownVersionInFullAndTheCurrentOneWith304(String format) {
        Newsroom newsroom = newsroom(2);
        String url = newsroom.articles(format);
        Response plain = ok(url, format);

        Response unknown = get(url, "A-IM", "feed", "If-None-Match", "\"not-a-version-of-this-feed\"");
        Response same = get(url, "A-IM", "feed", "If-None-Match", plain.header("ETag"));

        assertEquals(200, unknown.statusCode());
        assertNull(unknown.header("IM"));
        assertEquals(DEFAULT_CACHE_CONTROL, unknown.header("Cache-Control"));
        assertTrue(vary(unknown).containsAll(List.of("accept", "a-im")), vary(unknown)::toString);
        assertEquals(plain.header("ETag"), unknown.header("ETag"));
        assertArrayEquals(plain.asByteArray(), unknown.asByteArray());
        assertEquals(304, same.statusCode());
        assertNull(same.header("IM"));
        assertEquals(plain.header("ETag"), same.header("ETag"));
        assertEquals(DEFAULT_CACHE_CONTROL, same.header("Cache-Control"));
        assertTrue(vary(same).containsAll(List.of("accept", "a-im")), vary(same)::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rss", "atom", "jsonfeed"})
    void shouldAnswerAnOldVersionWithoutAImWithTheWholeFeed(String format) {
        Polled polled = polledThenPublished(2, format);

        Response conditional = get(polled.url(), "If-None-Match", polled.held());

        assertEquals(200, conditional.statusCode());
        assertNull(conditional.header("IM"));
        assertEquals(DEFAULT_CACHE_CONTROL, conditional.header("Cache-Control"));
        assertEquals(3, Titles.of(format, conditional.asByteArray()).size());
        assertArrayEquals(ok(polled.url(), format).asByteArray(), conditional.asByteArray());
    }

    /**
     * A-IM is a list of instance-manipulations with parameters and q-values, compared case-insensitively: a delta
     * (one new entry) when it accepts {@code feed}, else the whole feed (two entries).
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "FEED                   | 226 | 1",
                "vcdiff, feed           | 226 | 1",
                "feed;q=0.5             | 226 | 1",
                "gzip;q=1.0, Feed ; q=1 | 226 | 1",
                "feed;q=0               | 200 | 2",
                "vcdiff                 | 200 | 2",
                "feeds                  | 200 | 2",
                "feed;q=2               | 200 | 2",
                "feed;q=x               | 200 | 2"
            })
    void shouldSendADeltaExactlyWhenAImAcceptsFeed(String aIm, int status, int entries) {
        Polled polled = polledThenPublished(1, "atom");

        Response response = polled.delta(aIm);

        assertEquals(status, response.statusCode(), aIm);
        assertEquals(entries, Titles.of("atom", response.asByteArray()).size(), aIm);
    }

    @Test
    void shouldNotTakeAVersionOfAnotherFeedAsABase() {
        Newsroom newsroom = newsroom(1);
        String other = ok(newsroom.articles("rss") + "&limit=5", "rss").header("ETag");
        String url = newsroom.articles("rss");
        ok(url, "rss");

        Response full = get(url, "A-IM", "feed", "If-None-Match", other);

        assertEquals(200, full.statusCode());
        assertEquals(1, Titles.of("rss", full.asByteArray()).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml", "html"})
    void shouldAnswerOtherFormatsInFullAndNotVaryThemOnAIm(String format) {
        Polled polled = polledThenPublished(1, format);

        Response full = polled.delta("feed");

        assertEquals(200, full.statusCode());
        assertNull(full.header("IM"));
        assertFalse(vary(full).contains("a-im"), vary(full)::toString);
    }

    /** A feed cannot say "removed": a delta against a version that listed a deleted article carries no item. */
    @Test
    void shouldSendAnEmptyDeltaWhenAnArticleWasOnlyRemoved() {
        Newsroom newsroom = newsroom(3);
        String url = newsroom.articles("jsonfeed");
        String held = ok(url, "jsonfeed").header("ETag");
        assertEquals(204, delete(newsroom.ids().get(0), null).statusCode());

        Response delta = get(url, "A-IM", "feed", "If-None-Match", held);

        assertEquals(226, delta.statusCode());
        assertEquals(List.of(), Titles.of("jsonfeed", delta.asByteArray()));
        assertEquals(ok(url, "jsonfeed").header("ETag"), delta.header("ETag"));
    }

    @Test
    void shouldAnswerHeadAsGetWithoutABody() {
        Polled polled = polledThenPublished(1, "rss");

        Response head = given().header("A-IM", "feed")
                .header("If-None-Match", polled.held())
                .head(polled.url());

        assertEquals(226, head.statusCode());
        assertEquals("feed", head.header("IM"));
        assertEquals(0, head.asByteArray().length);
    }

    @Test
    void shouldCountDeltaRequestsByAnswer() {
        Polled polled = polledThenPublished(1, "atom");
        double deltas = deltaRequests("delta");
        double full = deltaRequests("full");
        double notModified = deltaRequests("not_modified");

        String current = polled.delta("feed").header("ETag");
        get(polled.url(), "A-IM", "feed", "If-None-Match", "\"unknown\"");
        get(polled.url(), "A-IM", "feed", "If-None-Match", current);

        assertEquals(deltas + 1, deltaRequests("delta"));
        assertEquals(full + 1, deltaRequests("full"));
        assertEquals(notModified + 1, deltaRequests("not_modified"));
        Matcher versions = Pattern.compile("^newsdesk_feed_versions(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE)
                .matcher(Metrics.text());
        assertTrue(versions.find() && Double.parseDouble(versions.group(2)) > 0, "versions are remembered");
    }

    /** A feed a reader fetched, keeping its ETag ({@code held}), and the article published in it since. */
    private record Polled(String url, String held, long added) {

        /** The request of a reader that keeps the ETag it was sent and names it with this {@code A-IM}. */
        Response delta(String aIm) {
            return get(url, "A-IM", aIm, "If-None-Match", held);
        }
    }

    /** A newsroom of {@code articles}, its feed in this format as a reader fetched it, then one more article. */
    private static Polled polledThenPublished(int articles, String format) {
        Newsroom newsroom = newsroom(articles);
        String url = newsroom.articles(format);
        String held = ok(url, format).header("ETag");
        return new Polled(url, held, newsroom.publish("2026-03-09T12:00:00Z"));
    }

    private static double deltaRequests(String answer) {
        return Metrics.sample(Metrics.text(), "newsdesk_feed_delta_requests_total", "answer=\"" + answer + "\"");
    }

    private static String title(long id) {
        return given().get("/v1/articles/" + id).jsonPath().getString("title");
    }
}
