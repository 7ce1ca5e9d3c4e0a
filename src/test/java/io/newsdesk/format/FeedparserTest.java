package io.newsdesk.format;

import static io.newsdesk.format.FeedTests.hardCategory;
import static io.newsdesk.format.FeedTests.json;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * The feeds as a real feed reader's parser sees them: Python's feedparser (RSS, Atom) through
 * {@code src/test/python/read_feed.py}, which also reads the HTML content with Python's HTML parser. feedparser
 * 6.0 has no JSON Feed parser, so the script reads JSON Feed with {@code json} and its {@code content_html} with the
 * same HTML parser. Skipped, saying so, where no {@code python3} with feedparser is installed ({@code .ci/run}
 * installs Debian's {@code python3-feedparser}).
 */
@QuarkusTest
class FeedparserTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCRIPT = Path.of("src", "test", "python", "read_feed.py");
    private static String python;

    @BeforeAll
    static void findPythonWithFeedparser() {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            try {
                Process process = new ProcessBuilder(candidate, "-c", "import feedparser")
                        .redirectErrorStream(true)
                        .start();
                process.getInputStream().readAllBytes();
                if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    python = candidate;
                    return;
                }
            } catch (IOException | InterruptedException notThere) {
                // try the next one
            }
        }
        assumeTrue(
                false,
                "no python3 with feedparser: apt-get install -y python3-feedparser (or pip install feedparser);"
                        + " .ci/run installs it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rss", "atom", "jsonfeed"})
    void shouldSeeHtmlParagraphsNoticesAndTheAttributionLink(String format) {
        String query = "/v1/articles?category=" + hardCategory() + "&limit=4";
        JsonNode articles = json(query).get("items");
        JsonNode seen = read(format, FeedTests.feed(query + "&format=" + format, mediaType(format)));

        assertFalse(seen.get("bozo").asBoolean(), seen.get("bozo_exception").asText());
        assertEquals("en", seen.get("language").asText(), "the channel's language");
        assertEquals(articles.size(), seen.get("entries").size());
        for (int i = 0; i < articles.size(); i++) {
            JsonNode article = articles.get(i);
            JsonNode entry = seen.get("entries").get(i);
            assertEquals(
                    article.at("/source/name").asText(), entry.get("author").asText(), "the source as author");
            assertTrue(texts(entry.get("tags"))
                            .contains(article.at("/category/name").asText())
                    || texts(entry.get("tags"))
                            .contains(article.at("/category/slug").asText()));
            assertEquals(1, entry.get("contents").size(), entry.toString());
            JsonNode content = entry.get("contents").get(0);
            assertEquals("text/html", content.get("type").asText());
            assertEquals("", content.get("outside").asText().strip(), "nothing but paragraphs");
            assertEquals(expectedParagraphs(article), lf(texts(content.get("paragraphs"))));
            assertEquals(List.of(article.get("originalUrl").asText()), texts(content.get("links")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rss", "atom", "jsonfeed"})
    void shouldSeeTheSameIdsWhicheverNameTheServerWasReachedBy(String format) {
        String url = "/v1/articles?category=" + hardCategory() + "&limit=4&format=" + format;
        JsonNode byAddress = read(format, fetchAs("127.0.0.1", url));
        JsonNode byName = read(format, fetchAs("localhost", url));

        assertEquals(4, byName.get("entries").size());
        assertEquals(ids(byName), ids(byAddress));
        assertEquals(byName.get("id"), byAddress.get("id"), "the feed's id");
        JsonNode entry = byAddress.get("entries").get(0);
        assertTrue(entry.get("link").asText().startsWith("http://127.0.0.1:"), "links follow the host asked for");
        assertTrue(
                entry.get("id").asText().startsWith("urn:newsdesk:article:"),
                entry.get("id").asText());
        assertFalse(entry.get("guidislink").asBoolean(), "a URN is no link to open");
    }

    /** "Open in browser" on a feed item: the link a reader took from the feed answers a browser with a page. */
    @ParameterizedTest
    @ValueSource(strings = {"rss", "atom", "jsonfeed"})
    void shouldOpenEveryItemLinkAsAPageInABrowser(String format) {
        String query = "/v1/articles?category=" + hardCategory() + "&limit=2&format=" + format;
        JsonNode seen = read(format, FeedTests.feed(query, mediaType(format)));
        assertEquals(2, seen.get("entries").size());
        for (JsonNode entry : seen.get("entries")) {
            Response page = given().urlEncodingEnabled(false)
                    .header("Accept", BROWSER_ACCEPT)
                    .get(entry.get("link").asText());
            assertEquals(200, page.statusCode(), entry.get("link").asText());
            assertTrue(page.contentType().startsWith("text/html"), page.contentType());
            assertTrue(page.asString().contains("id=\"article-title\""), "an article page");
        }
    }

    /**
     * RFC 3229 as feedparser speaks it: it keeps the ETag of its last fetch and sends it back with
     * {@code A-IM: feed}, gets 226 with only the entry published since, and then 304 with the ETag of that 226.
     * (feedparser 6.0 cannot parse JSON Feed, so JSON Feed deltas are tested in {@code DeltaFeedTest} alone.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"rss", "atom"})
    void shouldGetOnlyTheNewEntriesWhenItSendsTheETagItKept(String format) {
        String category = newCategory();
        String source = newSource();
        newArticle(category, source, "2026-03-01T10:00:00Z");
        newArticle(category, source, "2026-03-02T10:00:00Z");
        String url = "http://localhost:" + RestAssured.port + "/v1/articles?category=" + category + "&format=" + format;
        JsonNode first = fetch(url, null);
        assertEquals(200, first.get("status").asInt());
        assertEquals(2, first.get("entries").size());

        long added = newArticle(category, source, "2026-03-03T10:00:00Z");
        JsonNode delta = fetch(url, first.get("etag").asText());

        assertEquals(226, delta.get("status").asInt(), delta.toString());
        assertEquals("feed", delta.get("im").asText());
        assertFalse(delta.get("bozo").asBoolean(), delta.get("bozo_exception").asText());
        assertEquals(1, delta.get("entries").size(), delta.toString());
        assertEquals(
                json("/v1/articles/" + added).get("title").asText(),
                delta.get("entries").get(0).get("title").asText());
        JsonNode again = fetch(url, delta.get("etag").asText());
        assertEquals(304, again.get("status").asInt(), "the ETag of the 226 is the current version");
    }

    /** Chromium's and Firefox's Accept header for a page. */
    private static final String BROWSER_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    private static byte[] fetchAs(String host, String url) {
        Response response = given().urlEncodingEnabled(false)
                .header("Host", host + ":" + RestAssured.port)
                .get(url);
        assertEquals(200, response.statusCode());
        return response.asByteArray();
    }

    private static List<String> ids(JsonNode seen) {
        List<String> ids = new ArrayList<>();
        seen.get("entries").forEach(entry -> ids.add(entry.get("id").asText()));
        return ids;
    }

    /** What a reader must show, one paragraph each: the text's paragraphs, the notices, the attribution. */
    private static List<String> expectedParagraphs(JsonNode article) {
        List<String> paragraphs = new ArrayList<>(lf(HardText.PARAGRAPHS));
        if (article.get("isSummary").asBoolean()) {
            paragraphs.add("This is a summary or evaluation of another publication.");
        }
        if (article.get("hasEditorialBias").asBoolean()) {
            paragraphs.add("This article contains editorial commentary or bias from the source.");
        }
        paragraphs.add("Read the full " + article.at("/source/name").asText() + " article at "
                + article.get("originalUrl").asText());
        return paragraphs;
    }

    /** XML parsers fold a CR LF into LF (RFC 4287 and RSS text has no CR once read): compare with LF. */
    private static List<String> lf(List<String> texts) {
        return texts.stream().map(t -> t.replace("\r\n", "\n")).toList();
    }

    static String mediaType(String format) {
        return switch (format) {
            case "rss" -> "application/rss+xml";
            case "atom" -> "application/atom+xml";
            default -> "application/feed+json";
        };
    }

    /** What the script saw in this feed, as JSON. */
    static JsonNode read(String format, byte[] feed) {
        return run(feed, format);
    }

    /** What feedparser saw fetching this URL itself, with this ETag (or none), as JSON with its status. */
    static JsonNode fetch(String url, String etag) {
        return etag == null ? run(new byte[0], "fetch", url) : run(new byte[0], "fetch", url, etag);
    }

    private static JsonNode run(byte[] input, String... arguments) {
        List<String> command = new ArrayList<>(List.of(python, SCRIPT.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(input);
            }
            byte[] out = process.getInputStream().readAllBytes();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "read_feed.py did not finish");
            assertEquals(0, process.exitValue(), new String(out, StandardCharsets.UTF_8));
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
