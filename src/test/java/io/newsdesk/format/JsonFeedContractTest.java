package io.newsdesk.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * JSON Feed 1.1, read with Jackson: the shared feed contract, plus what only JSON Feed says: the version and the
 * top-level members in order, string ids, {@code external_url}, {@code content_html} and the exact stored text as {@code content_text}, RFC 3339 dates with
 * {@code date_modified}, tags (categories, then origin) and the origin as author. Golden file {@code feed.json}.
 */
@QuarkusTest
class JsonFeedContractTest extends AbstractFeedContractTest<JsonNode, JsonNode> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern RFC_3339 =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)");

    @Override
    String format() {
        return "jsonfeed";
    }

    @Override
    String mediaType() {
        return "application/feed+json";
    }

    /** A plain mapper: the document holds only strings, so the app's mapper settings (dates) change nothing. */
    @Override
    ModelWriter writer() {
        return new JsonFeedWriter(new ObjectMapper());
    }

    @Override
    String goldenFile() {
        return "feed.json";
    }

    /** Jackson's parse, then the header every JSON Feed has. */
    @Override
    JsonNode parse(byte[] body) {
        JsonNode feed;
        try {
            feed = JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON", e);
        }
        assertEquals("https://jsonfeed.org/version/1.1", feed.get("version").asText());
        assertFalse(feed.get("title").asText().isBlank());
        assertTrue(feed.get("items").isArray());
        return feed;
    }

    @Override
    void assertRawText(byte[] body) {
        String raw = new String(body, StandardCharsets.UTF_8);
        assertTrue(raw.contains("🞛") && raw.contains("🇺🇦"), "astral characters as UTF-8");
        assertFalse(raw.toLowerCase(Locale.ROOT).matches("(?s).*\\\\ud[89a-f][0-9a-f]{2}.*"), "no surrogate escapes");
    }

    @Override
    boolean pinsFormatInLinks() {
        return false;
    }

    @Override
    List<JsonNode> items(JsonNode feed) {
        List<JsonNode> items = new ArrayList<>();
        feed.get("items").forEach(items::add);
        return items;
    }

    @Override
    String feedTitle(JsonNode feed) {
        return feed.get("title").asText();
    }

    @Override
    String description(JsonNode feed) {
        assertTrue(feed.get("description").isTextual());
        return feed.get("description").asText();
    }

    @Override
    String alternate(JsonNode feed) {
        return feed.get("home_page_url").asText();
    }

    @Override
    String self(JsonNode feed) {
        return feed.get("feed_url").asText();
    }

    /** No {@code next_url} on the last page, not even null. */
    /** JSON Feed 1.1 {@code hubs}: one of type WebSub, or no {@code hubs} at all. */
    @Override
    String hub(JsonNode feed) {
        if (!feed.has("hubs")) {
            return null;
        }
        assertEquals(1, feed.get("hubs").size());
        assertEquals("WebSub", feed.get("hubs").get(0).get("type").asText());
        return feed.get("hubs").get(0).get("url").asText();
    }

    @Override
    String next(JsonNode feed) {
        if (!feed.has("next_url")) {
            return null;
        }
        assertTrue(feed.get("next_url").isTextual(), "next_url is a URL or absent");
        return feed.get("next_url").asText();
    }

    @Override
    List<String> otherUrls(JsonNode feed) {
        return List.of();
    }

    /**
     * JSON Feed has no feed date and no feed author: exactly these members, in this order ({@code _rfc5005}, RFC
     * 5005's marker and archive links, where a document has them: see {@code ArchivedFeedTest}).
     */
    @Override
    void assertOwnHeader(JsonNode feed, Instant updated, FeedChannel channel) {
        assertEquals(channel.language(), feed.get("language").asText());
        List<String> members = new ArrayList<>();
        feed.fieldNames().forEachRemaining(members::add);
        assertEquals(
                Stream.of(
                                "version",
                                "title",
                                "home_page_url",
                                "feed_url",
                                "description",
                                "language",
                                feed.has("next_url") ? "next_url" : null,
                                feed.has("hubs") ? "hubs" : null,
                                feed.has("_rfc5005") ? "_rfc5005" : null,
                                "items")
                        .filter(m -> m != null)
                        .toList(),
                members);
    }

    @Override
    String itemId(JsonNode item) {
        assertTrue(item.get("id").isTextual(), "id is a string");
        return item.get("id").asText();
    }

    @Override
    String expectedId(FeedEntry entry) {
        return entry.uri();
    }

    @Override
    String itemTitle(JsonNode item) {
        return item.get("title").asText();
    }

    @Override
    String itemLink(JsonNode item) {
        return item.get("url").asText();
    }

    @Override
    Instant itemPublished(JsonNode item) {
        return instant(item.get("date_published").asText());
    }

    @Override
    String itemSummary(JsonNode item) {
        return item.get("summary").asText();
    }

    @Override
    String itemHtml(JsonNode item) {
        assertTrue(item.get("content_html").isTextual(), "content_html");
        return item.get("content_html").asText();
    }

    @Override
    void assertOwnFields(FeedEntry expected, JsonNode item) {
        assertEquals(expected.content(), item.get("content_text").asText(), "content_text is the stored text exactly");
        assertEquals(
                expected.externalUrl(),
                item.has("external_url") ? item.get("external_url").asText() : null);
        assertEquals(
                expected.updated().toInstant(),
                instant(item.get("date_modified").asText()));
        List<String> tags = new ArrayList<>(
                expected.categories().stream().map(FeedEntry.Term::label).toList());
        if (expected.source() != null) {
            tags.add(expected.source().name());
        }
        assertEquals(tags, texts(item.get("tags")));
        if (expected.source() == null) {
            assertFalse(item.has("authors"));
        } else {
            assertEquals(1, item.get("authors").size());
            assertEquals(
                    expected.source().name(),
                    item.get("authors").get(0).get("name").asText());
        }
    }

    private static Instant instant(String rfc3339) {
        assertTrue(RFC_3339.matcher(rfc3339).matches(), rfc3339 + " is RFC 3339");
        return OffsetDateTime.parse(rfc3339).toInstant();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
