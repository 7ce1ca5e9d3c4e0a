package io.newsdesk.format;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/** JSON Feed 1.1 shows the JSON page: same items in the same order, same text, next_url exactly when next. */
@QuarkusTest
class JsonFeedWriterTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION = "https://jsonfeed.org/version/1.1";
    private static final Pattern RFC_3339 = Pattern
            .compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)");

    @Test
    void shouldServeEveryPageAsTheJsonPageWithNextUrlOnlyWhenMoreItemsExist() throws IOException {
        String category = HardText.create();
        String feedUrl = "/v1/articles?category=" + category + "&limit=4&format=jsonfeed";
        String jsonUrl = "/v1/articles?category=" + category + "&limit=4&format=json";
        List<String> titles = new ArrayList<>();
        List<Boolean> hasNext = new ArrayList<>();
        while (feedUrl != null) {
            JsonNode json = json(jsonUrl);
            JsonNode feed = feed(feedUrl);
            assertFeedHeader(feed);
            assertEquals(json.get("items").size(), feed.get("items").size());
            for (int i = 0; i < feed.get("items").size(); i++) {
                assertSameArticle(json.get("items").get(i), feed.get("items").get(i));
                titles.add(feed.get("items").get(i).get("title").asText());
            }
            if (json.get("next").isNull()) {
                assertFalse(feed.has("next_url"), "no next_url on the last page, not even null");
            } else {
                assertEquals(json.get("next").asText().replace("format=json", "format=jsonfeed"),
                        feed.get("next_url").asText());
                assertAbsoluteHere(feed.get("next_url").asText());
            }
            hasNext.add(feed.has("next_url"));
            feedUrl = feed.has("next_url") ? feed.get("next_url").asText() : null;
            jsonUrl = json.get("next").isNull() ? null : json.get("next").asText();
        }
        assertEquals(List.of(true, true, false), hasNext, "pages of 4, 4 and 2");
        List<String> newestFirst = new ArrayList<>(HardText.TITLES);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, titles, "newest first, every character intact");
    }

    @Test
    void shouldNameTheSelectionAndLinkItAbsolutely() throws IOException {
        String category = HardText.create();
        JsonNode feed = feed("/v1/articles?category=" + category + "&format=jsonfeed");
        assertFeedHeader(feed);
        assertTrue(feed.get("title").asText().contains("Category " + category), "names the selection");
        URI self = URI.create(feed.get("feed_url").asText());
        assertEquals("/v1/articles", self.getPath());
        assertTrue(self.getQuery().contains("format=jsonfeed"), "the feed's own URL");
        URI home = URI.create(feed.get("home_page_url").asText());
        assertEquals("/v1/articles", home.getPath());
        assertFalse(home.getQuery().contains("format="), "the same selection in the default representation");
        assertTrue(feed.get("description").isTextual());
        assertEquals(10, feed.get("items").size());
        assertFalse(feed.has("next_url"));
    }

    @Test
    void shouldServeOneArticleAsAFeedOfOneItem() throws IOException {
        String category = HardText.create();
        for (JsonNode item : json("/v1/articles?category=" + category + "&limit=10").get("items")) {
            long id = item.get("id").asLong();
            JsonNode feed = feed("/v1/articles/" + id + "?format=jsonfeed");
            assertFeedHeader(feed);
            assertEquals(1, feed.get("items").size());
            assertSameArticle(json("/v1/articles/" + id), feed.get("items").get(0));
            assertEquals(item.get("url").asText() + "?format=jsonfeed", feed.get("feed_url").asText());
            assertEquals(HardText.CONTENT, feed.get("items").get(0).get("content_text").asText());
            assertFalse(feed.has("next_url"));
        }
    }

    @Test
    void shouldWriteEmojiAsUtf8RatherThanSurrogateEscapes() throws IOException {
        String category = HardText.create();
        Response response = given().get("/v1/articles?category=" + category + "&format=jsonfeed");
        response.then().statusCode(200);
        String raw = new String(response.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(raw.contains("🞛") && raw.contains("🇺🇦"), "astral characters as UTF-8");
        assertFalse(raw.toLowerCase(Locale.ROOT).matches("(?s).*\\\\ud[89a-f][0-9a-f]{2}.*"), "no surrogate escapes");
        assertEquals(HardText.TITLES.get(0), JSON.readTree(raw).get("items").get(9).get("title").asText());
    }

    @Test
    void shouldServeAnEmptySelectionAsAFeedWithoutItemsOrNext() throws IOException {
        JsonNode feed = feed("/v1/articles?category=" + newCategory() + "&format=jsonfeed");
        assertFeedHeader(feed);
        assertEquals(0, feed.get("items").size());
        assertFalse(feed.has("next_url"));
    }

    @Test
    void shouldOfferJsonFeedForArticlesOnly() {
        given().queryParam("format", "jsonfeed").get("/v1/categories").then().statusCode(400);
        given().accept("application/feed+json").get("/v1/articles?limit=1").then().statusCode(200)
                .contentType("application/feed+json;charset=UTF-8");
    }

    private static void assertFeedHeader(JsonNode feed) {
        assertEquals(VERSION, feed.get("version").asText());
        assertFalse(feed.get("title").asText().isBlank());
        assertAbsoluteHere(feed.get("feed_url").asText());
        assertAbsoluteHere(feed.get("home_page_url").asText());
        assertTrue(feed.get("items").isArray());
    }

    /** An absolute URL on the scheme, host and port this test talks to. */
    private static void assertAbsoluteHere(String url) {
        URI uri = URI.create(url);
        assertTrue(uri.isAbsolute(), url);
        assertEquals("http", uri.getScheme());
        assertEquals("localhost", uri.getHost());
        assertEquals(RestAssured.port, uri.getPort());
    }

    private static void assertSameArticle(JsonNode article, JsonNode item) {
        assertTrue(item.get("id").isTextual(), "id is a string");
        assertEquals(String.valueOf(article.get("id").asLong()), item.get("id").asText());
        assertEquals(article.get("url").asText(), item.get("url").asText());
        assertEquals(article.get("originalUrl").asText(), item.get("external_url").asText());
        assertEquals(article.get("title").asText(), item.get("title").asText());
        assertEquals(article.get("content").asText(), item.get("content_text").asText());
        assertFalse(item.has("content_html"), "content is plain text");
        assertEquals(article.get("summary").asText(), item.get("summary").asText());
        assertSameInstant(article.get("publishedAt").asText(), item.get("date_published").asText());
        assertSameInstant(article.get("updatedAt").asText(), item.get("date_modified").asText());
        String category = article.get("category").get("name").asText();
        String source = article.get("source").get("name").asText();
        assertEquals(List.of(category, source), texts(item.get("tags")));
        assertEquals(1, item.get("authors").size());
        assertEquals(source, item.get("authors").get(0).get("name").asText());
    }

    private static void assertSameInstant(String iso, String rfc3339) {
        assertTrue(RFC_3339.matcher(rfc3339).matches(), rfc3339 + " is RFC 3339");
        assertEquals(OffsetDateTime.parse(iso).toInstant(), OffsetDateTime.parse(rfc3339).toInstant());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static JsonNode json(String url) throws IOException {
        Response response = given().get(url);
        response.then().statusCode(200).contentType("application/json");
        return JSON.readTree(response.asByteArray());
    }

    private static JsonNode feed(String url) throws IOException {
        Response response = given().get(url);
        response.then().statusCode(200);
        assertEquals("application/feed+json;charset=utf-8",
                response.contentType().replace(" ", "").toLowerCase(Locale.ROOT));
        return JSON.readTree(response.asByteArray());
    }
}
