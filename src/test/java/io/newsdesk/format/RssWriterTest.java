package io.newsdesk.format;

import static io.newsdesk.format.FeedTests.feed;
import static io.newsdesk.format.FeedTests.hardCategory;
import static io.newsdesk.format.FeedTests.instant;
import static io.newsdesk.format.FeedTests.json;
import static io.newsdesk.format.FeedTests.local;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.modules.content.ContentModule;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** RSS 2.0 (Rome): every page equals the JSON page of the same selection, field by field and in order. */
@QuarkusTest
class RssWriterTest extends ApiTest {

    private static final String RSS = "application/rss+xml";

    @Test
    void shouldMatchTheJsonPageItemByItemWithHardTextIntact() {
        String query = "/v1/articles?category=" + hardCategory() + "&limit=4";
        JsonNode page = json(query + "&format=json");
        Channel channel = channel(feed(query + "&format=rss", RSS));

        assertEquals(4, page.get("items").size());
        assertItemsEqual(page.get("items"), channel.getItems());
        assertTrue(channel.getTitle().startsWith("Newsdesk: Category " + hardCategory()), channel.getTitle());
        assertTrue(channel.getLink().endsWith(query), channel.getLink());
        assertTrue(channel.getDescription().startsWith("Articles of Category "), channel.getDescription());
        Instant newest = page.get("items").findValues("updatedAt").stream()
                .map(v -> Instant.parse(v.asText())).max(Instant::compareTo).orElseThrow();
        assertEquals(newest.getEpochSecond(), instant(channel.getLastBuildDate()).getEpochSecond());
    }

    @Test
    void shouldKeepEmojiRawAndStayWellFormedWhateverTheText() {
        String url = "/v1/articles?category=" + hardCategory() + "&limit=10&format=rss";
        byte[] body = feed(url, RSS);
        FeedTests.assertStrictlyWellFormed(body);
        FeedTests.assertAstralCharactersRaw(body);
        Channel channel = channel(body);
        List<String> titles = channel.getItems().stream().map(Item::getTitle).toList();
        List<String> newestFirst = new ArrayList<>(HardText.TITLES);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, titles);
        assertEquals(HardText.CONTENT, content(channel.getItems().get(0)));
    }

    @Test
    void shouldLinkSelfAndNextLikeTheJsonPagesAndOmitNextOnTheLastPage() {
        String query = "/v1/articles?category=" + hardCategory() + "&limit=4";
        String rssUrl = query + "&format=rss";
        Channel first = channel(feed(rssUrl, RSS));
        JsonNode jsonFirst = json(query + "&format=json");

        assertTrue(link(first, "self").endsWith(rssUrl), link(first, "self"));
        String next = link(first, "next");
        assertEquals(jsonFirst.get("next").asText().replace("format=json", "format=rss"), next);

        Channel second = channel(feed(next, RSS));
        JsonNode jsonSecond = json(jsonFirst.get("next").asText());
        assertItemsEqual(jsonSecond.get("items"), second.getItems());
        assertEquals(next, link(second, "self"));

        Channel last = channel(feed(link(second, "next"), RSS));
        JsonNode jsonLast = json(jsonSecond.get("next").asText());
        assertItemsEqual(jsonLast.get("items"), last.getItems());
        assertEquals(2, last.getItems().size());
        assertTrue(jsonLast.get("next").isNull());
        assertNull(links(last).get("next"));
    }

    @Test
    void shouldPointSelfAndNextAtRssWhenAcceptChoseIt() {
        String query = "/v1/articles?category=" + hardCategory() + "&limit=3";
        Response response = given().header("Accept", RSS).get(query);
        FeedTests.assertContentType(response, RSS);
        Channel channel = channel(response.asByteArray());
        assertTrue(link(channel, "self").endsWith(query + "&format=rss"), link(channel, "self"));
        Channel second = channel(feed(link(channel, "next"), RSS));
        assertItemsEqual(json(json(query).get("next").asText()).get("items"), second.getItems());
    }

    @Test
    void shouldKeepGuidsStableAcrossRequestsAndSelections() {
        String query = "/v1/articles?category=" + hardCategory() + "&limit=4&format=rss";
        Map<String, String> guids = guidsByTitle(channel(feed(query, RSS)));
        assertEquals(guids, guidsByTitle(channel(feed(query, RSS))));

        String source = json("/v1/articles?category=" + hardCategory() + "&limit=1").at("/items/0/source/slug").asText();
        Map<String, String> bySource = guidsByTitle(channel(feed("/v1/articles?source=" + source + "&format=rss", RSS)));
        guids.forEach((title, guid) -> assertEquals(guid, bySource.get(title), title));
    }

    @Test
    void shouldServeOneArticleAsAOneItemFeed() {
        long id = json("/v1/articles?category=" + hardCategory() + "&limit=1").at("/items/0/id").asLong();
        JsonNode article = json("/v1/articles/" + id);
        byte[] body = feed("/v1/articles/" + id + "?format=rss", RSS);
        FeedTests.assertStrictlyWellFormed(body);
        Channel channel = channel(body);

        assertEquals(1, channel.getItems().size());
        assertItemsEqual(JsonNodeFactory.instance.arrayNode().add(article), channel.getItems());
        assertEquals(article.get("title").asText(), channel.getTitle());
        assertEquals(article.get("url").asText(), channel.getLink());
        assertEquals(article.get("url").asText() + "?format=rss", link(channel, "self"));
        assertNull(links(channel).get("next"));
    }

    @Test
    void shouldMakeEveryLinkAbsoluteOnTheRequestedHost() {
        String query = "/v1/articles?category=" + hardCategory() + "&limit=4&format=rss";
        Response response = given().header("Host", "example.test:8123").get(query);
        assertEquals(200, response.statusCode());
        Channel channel = channel(response.asByteArray());
        String base = "http://example.test:8123/";
        List<String> urls = new ArrayList<>(List.of(channel.getLink(), link(channel, "self"),
                link(channel, "next")));
        for (Item item : channel.getItems()) {
            urls.addAll(List.of(item.getLink(), item.getGuid().getValue(), item.getSource().getUrl()));
        }
        urls.forEach(url -> assertTrue(url.startsWith(base), url));
        String source = channel.getItems().get(0).getSource().getUrl();
        Channel sourceFeed = channel(feed(local(source), RSS));
        assertEquals(channel.getItems().get(0).getSource().getValue(), sourceFeed.getTitle().replace("Newsdesk: ", ""));
    }

    @Test
    void shouldWriteAnEmptyButValidFeedForAnEmptySelection() {
        byte[] body = feed("/v1/articles?category=" + newCategory() + "&format=rss", RSS);
        FeedTests.assertStrictlyWellFormed(body);
        Channel channel = channel(body);
        assertTrue(channel.getItems().isEmpty());
        assertNull(links(channel).get("next"));
    }

    /** Title, link, guid, pubDate, category, description, content:encoded and source, in the JSON order. */
    static void assertItemsEqual(JsonNode expected, List<Item> items) {
        assertEquals(expected.size(), items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode article = expected.get(i);
            Item item = items.get(i);
            String url = article.get("url").asText();
            assertEquals(article.get("title").asText(), item.getTitle());
            assertEquals(url, item.getLink());
            assertEquals(url, item.getGuid().getValue());
            assertTrue(item.getGuid().isPermaLink());
            assertEquals(instant(article, "publishedAt"), instant(item.getPubDate()));
            assertEquals(List.of(article.at("/category/name").asText()),
                    item.getCategories().stream().map(c -> c.getValue()).toList());
            assertEquals(article.get("summary").asText(), unescapeHtml(item.getDescription().getValue()));
            assertEquals(article.get("content").asText(), content(item));
            assertEquals(article.at("/source/name").asText(), item.getSource().getValue());
            assertEquals(url.substring(0, url.lastIndexOf('/')) + "?source=" + article.at("/source/slug").asText()
                    + "&format=rss", item.getSource().getUrl());
        }
    }

    private static Channel channel(byte[] body) {
        return (Channel) FeedTests.parse(body, "rss_2.0");
    }

    private static String content(Item item) {
        List<String> encodeds = ((ContentModule) item.getModule(ContentModule.URI)).getEncodeds();
        assertEquals(1, encodeds.size());
        assertFalse(encodeds.get(0).contains("<script>"), "readers take content:encoded as HTML: escaped");
        return unescapeHtml(encodeds.get(0));
    }

    private static Map<String, String> links(Channel channel) {
        AtomLinkModule module = (AtomLinkModule) channel.getModule(AtomLinkModule.URI);
        return module.getLinks().stream().peek(l -> assertEquals(RSS, l.getType()))
                .collect(Collectors.toMap(Link::getRel, Link::getHref));
    }

    private static String link(Channel channel, String rel) {
        String href = links(channel).get(rel);
        assertTrue(href != null, "no atom:link rel=" + rel);
        return href;
    }

    private static Map<String, String> guidsByTitle(Channel channel) {
        return channel.getItems().stream().collect(Collectors.toMap(Item::getTitle, i -> i.getGuid().getValue()));
    }

    /** The reverse of the writer's escaping, as any HTML parser does it. */
    private static String unescapeHtml(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
