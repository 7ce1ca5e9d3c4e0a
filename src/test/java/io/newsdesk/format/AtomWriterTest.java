package io.newsdesk.format;

import static io.newsdesk.format.FeedTests.feed;
import static io.newsdesk.format.FeedTests.hardCategory;
import static io.newsdesk.format.FeedTests.instant;
import static io.newsdesk.format.FeedTests.json;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Atom 1.0 (Rome): every page equals the JSON page of the same selection, field by field and in order. */
@QuarkusTest
class AtomWriterTest extends ApiTest {

    private static final String ATOM = "application/atom+xml";

    @Test
    void shouldMatchTheJsonPageEntryByEntryWithHardTextIntact() {
        String query = "/v1/articles?category=" + hardCategory() + "&limit=4";
        JsonNode page = json(query + "&format=json");
        Feed feed = atom(feed(query + "&format=atom", ATOM));

        assertEntriesEqual(page.get("items"), feed.getEntries());
        assertTrue(feed.getTitleEx().getValue().startsWith("Newsdesk: Category " + hardCategory()));
        assertEquals(List.of("Newsdesk"), feed.getAuthors().stream().map(a -> a.getName()).toList());
        Instant newest = page.get("items").findValues("updatedAt").stream()
                .map(v -> Instant.parse(v.asText())).max(Instant::compareTo).orElseThrow();
        assertEquals(newest.truncatedTo(ChronoUnit.SECONDS), instant(feed.getUpdated()));
        assertTrue(links(feed.getAlternateLinks()).get("alternate").endsWith(query), feed.getAlternateLinks().toString());
    }

    @Test
    void shouldKeepEmojiRawAndStayWellFormedWhateverTheText() {
        byte[] body = feed("/v1/articles?category=" + hardCategory() + "&limit=10&format=atom", ATOM);
        FeedTests.assertStrictlyWellFormed(body);
        FeedTests.assertAstralCharactersRaw(body);
        List<String> titles = atom(body).getEntries().stream().map(e -> e.getTitleEx().getValue()).toList();
        List<String> newestFirst = new ArrayList<>(HardText.TITLES);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, titles);
    }

    @Test
    void shouldLinkSelfAndNextLikeTheJsonPagesAndKeepOneFeedIdAcrossPages() {
        String query = "/v1/articles?category=" + hardCategory() + "&limit=4";
        Feed first = atom(feed(query + "&format=atom", ATOM));
        JsonNode jsonFirst = json(query + "&format=json");
        assertTrue(link(first, "self").endsWith(query + "&format=atom"), link(first, "self"));
        assertEquals(jsonFirst.get("next").asText().replace("format=json", "format=atom"), link(first, "next"));
        assertTrue(first.getId().endsWith(query), first.getId());

        Feed second = atom(feed(link(first, "next"), ATOM));
        JsonNode jsonSecond = json(jsonFirst.get("next").asText());
        assertEntriesEqual(jsonSecond.get("items"), second.getEntries());
        Feed last = atom(feed(link(second, "next"), ATOM));
        assertEntriesEqual(json(jsonSecond.get("next").asText()).get("items"), last.getEntries());
        assertNull(links(last.getOtherLinks()).get("next"));
        assertEquals(first.getId(), second.getId());
        assertEquals(first.getId(), last.getId());
    }

    @Test
    void shouldPointSelfAndNextAtAtomWhenAcceptChoseIt() {
        String query = "/v1/articles?category=" + hardCategory() + "&limit=3";
        Response response = given().header("Accept", ATOM).get(query);
        FeedTests.assertContentType(response, ATOM);
        Feed feed = atom(response.asByteArray());
        assertTrue(link(feed, "self").endsWith(query + "&format=atom"), link(feed, "self"));
        assertEquals(atom(feed(query + "&format=atom", ATOM)).getId(), feed.getId());
        Feed second = atom(feed(link(feed, "next"), ATOM));
        assertEntriesEqual(json(json(query).get("next").asText()).get("items"), second.getEntries());
    }

    @Test
    void shouldKeepEntryIdsStableAcrossRequestsSelectionsAndHosts() {
        String query = "/v1/articles?category=" + hardCategory() + "&limit=4&format=atom";
        Map<String, String> ids = idsByTitle(atom(feed(query, ATOM)));
        assertEquals(ids, idsByTitle(atom(feed(query, ATOM))));
        Response elsewhere = given().header("Host", "example.test:8123").get(query);
        assertEquals(ids, idsByTitle(atom(elsewhere.asByteArray())));

        String source = json("/v1/articles?category=" + hardCategory() + "&limit=1").at("/items/0/source/slug").asText();
        Map<String, String> bySource = idsByTitle(atom(feed("/v1/articles?source=" + source + "&format=atom", ATOM)));
        ids.forEach((title, id) -> assertEquals(id, bySource.get(title), title));
    }

    @Test
    void shouldServeOneArticleAsAOneEntryFeed() {
        long id = json("/v1/articles?category=" + hardCategory() + "&limit=1").at("/items/0/id").asLong();
        JsonNode article = json("/v1/articles/" + id);
        byte[] body = feed("/v1/articles/" + id + "?format=atom", ATOM);
        FeedTests.assertStrictlyWellFormed(body);
        Feed feed = atom(body);

        assertEntriesEqual(JsonNodeFactory.instance.arrayNode().add(article), feed.getEntries());
        assertEquals(article.get("url").asText(), feed.getId());
        assertEquals(article.get("url").asText() + "?format=atom", link(feed, "self"));
        assertNull(links(feed.getOtherLinks()).get("next"));
    }

    @Test
    void shouldMakeEveryLinkAbsoluteOnTheRequestedHost() {
        String query = "/v1/articles?category=" + hardCategory() + "&limit=4&format=atom";
        Response response = given().header("Host", "example.test:8123").get(query);
        assertEquals(200, response.statusCode());
        Feed feed = atom(response.asByteArray());
        List<String> urls = new ArrayList<>(List.of(feed.getId(), link(feed, "self"), link(feed, "next")));
        feed.getAlternateLinks().forEach(l -> urls.add(l.getHref()));
        feed.getEntries().forEach(e -> urls.add(e.getAlternateLinks().get(0).getHref()));
        urls.forEach(url -> assertTrue(url.startsWith("http://example.test:8123/"), url));
    }

    @Test
    void shouldWriteAnEmptyButValidFeedForAnEmptySelection() {
        byte[] body = feed("/v1/articles?category=" + newCategory() + "&format=atom", ATOM);
        FeedTests.assertStrictlyWellFormed(body);
        Feed feed = atom(body);
        assertTrue(feed.getEntries().isEmpty());
        assertEquals(Instant.EPOCH, instant(feed.getUpdated()));
    }

    @Test
    void shouldGiveTheUnfilteredFeedAnIdWithoutFormatOrEmptyQuery() {
        Feed feed = atom(feed("/v1/articles?format=atom", ATOM));
        assertTrue(feed.getId().matches("http://[^/]+/v1/articles"), feed.getId());
    }

    /** id, title, published, updated, links, category, summary and content, in the JSON order. */
    static void assertEntriesEqual(JsonNode expected, List<Entry> entries) {
        assertEquals(expected.size(), entries.size());
        for (int i = 0; i < entries.size(); i++) {
            JsonNode article = expected.get(i);
            Entry entry = entries.get(i);
            assertEquals("urn:newsdesk:article:" + article.get("id").asLong(), entry.getId());
            assertText(article.get("title").asText(), entry.getTitleEx());
            assertEquals(instant(article, "publishedAt"), instant(entry.getPublished()));
            assertEquals(instant(article, "updatedAt").truncatedTo(ChronoUnit.SECONDS), instant(entry.getUpdated()));
            assertEquals(Map.of("alternate", article.get("url").asText()), links(entry.getAlternateLinks()));
            assertEquals(Map.of("related", article.get("originalUrl").asText()), links(entry.getOtherLinks()));
            List<Category> categories = entry.getCategories();
            assertEquals(1, categories.size());
            assertEquals(article.at("/category/slug").asText(), categories.get(0).getTerm());
            assertEquals(article.at("/category/name").asText(), categories.get(0).getLabel());
            assertText(article.get("summary").asText(), entry.getSummary());
            assertEquals(1, entry.getContents().size());
            assertText(article.get("content").asText(), entry.getContents().get(0));
        }
    }

    private static void assertText(String expected, Content content) {
        assertEquals(Content.TEXT, content.getType());
        assertEquals(expected, content.getValue());
    }

    private static Feed atom(byte[] body) {
        return (Feed) FeedTests.parse(body, "atom_1.0");
    }

    private static Map<String, String> links(List<Link> links) {
        return links.stream().collect(Collectors.toMap(Link::getRel, Link::getHref));
    }

    private static String link(Feed feed, String rel) {
        Link link = feed.getOtherLinks().stream().filter(l -> l.getRel().equals(rel)).findFirst()
                .orElseThrow(() -> new AssertionError("no link rel=" + rel));
        assertEquals(ATOM, link.getType());
        return link.getHref();
    }

    private static Map<String, String> idsByTitle(Feed feed) {
        return feed.getEntries().stream().collect(Collectors.toMap(e -> e.getTitleEx().getValue(), Entry::getId));
    }
}
