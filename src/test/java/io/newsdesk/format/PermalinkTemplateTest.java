package io.newsdesk.format;

import static io.newsdesk.format.FeedTests.json;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With {@code newsdesk.site.article-url} and {@code newsdesk.public-url} set: an article's {@code url} and every
 * feed's item link are the newsroom's own page, and the ids (RSS guid, Atom ids, JSON Feed id) derive from the
 * public URL, the same whatever host a client used; the guid is then a URL a person can open.
 */
@QuarkusTest
@TestProfile(PermalinkTemplateTest.Site.class)
class PermalinkTemplateTest extends ApiTest {

    public static class Site implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "newsdesk.public-url", "https://api.news.example/",
                    "newsdesk.site.article-url", "https://news.example.com/{category}/{slug}-{id}");
        }
    }

    @Test
    void shouldLinkItemsToTheSiteAndIdentifyThemByThePublicUrl() {
        String category = newCategory();
        long id = newArticle(article(category, newSource(), "2026-05-01T10:00:00Z"));
        JsonNode article = json("/v1/articles/" + id);
        String page = "https://news.example.com/" + category + "/"
                + article.get("slug").asText() + "-" + id;
        String guid = "https://api.news.example/v1/articles/" + id;
        String query = "/v1/articles?category=" + category;
        assertEquals(page, article.get("url").asText());
        assertEquals(page, json(query).at("/items/0/url").asText());

        for (String host : List.of("localhost:8081", "example.test:8123")) {
            Channel rss = (Channel) FeedTests.parse(as(host, query + "&format=rss"), "rss_2.0");
            Item item = rss.getItems().get(0);
            assertEquals(page, item.getLink());
            assertEquals(guid, item.getGuid().getValue());
            assertTrue(item.getGuid().isPermaLink());

            Feed atom = (Feed) FeedTests.parse(as(host, query + "&format=atom"), "atom_1.0");
            Entry entry = atom.getEntries().get(0);
            assertEquals("https://api.news.example/v1/articles?category=" + category, atom.getId());
            assertEquals(guid, entry.getId());
            assertEquals(page, entry.getAlternateLinks().get(0).getHref());

            JsonNode jsonFeed = FeedTests.read(as(host, query + "&format=jsonfeed"));
            assertEquals(guid, jsonFeed.at("/items/0/id").asText());
            assertEquals(page, jsonFeed.at("/items/0/url").asText());

            Feed one = (Feed) FeedTests.parse(as(host, "/v1/articles/" + id + "?format=atom"), "atom_1.0");
            assertEquals(guid, one.getId());
            assertTrue(one.getOtherLinks().get(0).getHref().startsWith("http://" + host + "/v1/articles/" + id));

            // the article page links its canonical permalink on the site, and itself as JSON and XML here
            org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(
                    new String(as(host, "/v1/articles/" + id + "?format=html"), StandardCharsets.UTF_8));
            assertEquals(page, html.selectFirst("link[rel=canonical]").attr("href"));
            assertEquals(
                    "http://" + host + "/v1/articles/" + id + "?format=json",
                    html.selectFirst("#format-json").attr("href"));
            assertEquals(
                    "http://" + host + "/v1/articles/" + id + "?format=xml",
                    html.selectFirst("#format-xml").attr("href"));
        }
    }

    private static byte[] as(String host, String url) {
        return given().urlEncodingEnabled(false)
                .header("Host", host)
                .get(url)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
    }
}
