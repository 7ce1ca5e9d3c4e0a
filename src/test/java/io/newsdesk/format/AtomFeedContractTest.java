package io.newsdesk.format;

import static io.newsdesk.format.FeedTests.hardCategory;
import static io.newsdesk.format.FeedTests.json;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Atom 1.0, read with Rome (and {@code xml:lang}, which Rome does not read, with JAXP): the shared feed contract, plus what only Atom says: the feed id (one for every page of
 * a selection and every host), author and {@code updated}, entry ids independent of the host, text constructs of
 * {@code type="text"} (content {@code type="html"}), {@code updated} per entry, related links and categories with term and label. Golden file
 * {@code feed.atom.xml}.
 */
@QuarkusTest
class AtomFeedContractTest extends AbstractFeedContractTest<Feed, Entry> {

    /** The raw RFC 3339 dates of each parsed feed and entry (Rome's Dates keep milliseconds at most). */
    private final Map<Feed, String> updated = new IdentityHashMap<>();

    private final Map<Entry, Map<String, String>> entryDates = new IdentityHashMap<>();

    private static Instant instant(String rfc3339) {
        assertTrue(
                rfc3339.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)"), rfc3339);
        return OffsetDateTime.parse(rfc3339).toInstant();
    }

    @Override
    String format() {
        return "atom";
    }

    @Override
    String mediaType() {
        return "application/atom+xml";
    }

    @Override
    ModelWriter writer() {
        return new AtomWriter();
    }

    @Override
    String goldenFile() {
        return "feed.atom.xml";
    }

    @Override
    Feed parse(byte[] body) {
        Feed feed = (Feed) FeedTests.parse(body, "atom_1.0");
        feed.setLanguage(FeedTests.rootAttribute(body, XMLConstants.XML_NS_URI, "lang"));
        List<Map<String, String>> dates = FeedTests.entryDates(body);
        assertEquals(feed.getEntries().size() + 1, dates.size());
        updated.put(feed, dates.get(0).get("updated"));
        for (int i = 0; i < feed.getEntries().size(); i++) {
            entryDates.put(feed.getEntries().get(i), dates.get(i + 1));
        }
        return feed;
    }

    @Override
    void assertRawText(byte[] body) {
        FeedTests.assertAstralCharactersRaw(body);
    }

    @Override
    List<Entry> items(Feed feed) {
        return feed.getEntries();
    }

    @Override
    String feedTitle(Feed feed) {
        return text(feed.getTitleEx());
    }

    @Override
    String description(Feed feed) {
        return text(feed.getSubtitle());
    }

    @Override
    String alternate(Feed feed) {
        return links(feed.getAlternateLinks()).get("alternate");
    }

    @Override
    String self(Feed feed) {
        return link(feed, "self");
    }

    @Override
    String next(Feed feed) {
        return feed.getOtherLinks().stream().anyMatch(l -> l.getRel().equals("next")) ? link(feed, "next") : null;
    }

    @Override
    String hub(Feed feed) {
        return feed.getOtherLinks().stream()
                .filter(l -> l.getRel().equals("hub"))
                .map(Link::getHref)
                .findFirst()
                .orElse(null);
    }

    @Override
    List<String> otherUrls(Feed feed) {
        return List.of();
    }

    @Override
    void assertOwnHeader(Feed feed, Instant updated, FeedChannel channel) {
        assertEquals(channel.language(), feed.getLanguage(), "xml:lang");
        assertEquals(
                List.of("Newsdesk"),
                feed.getAuthors().stream().map(a -> a.getName()).toList());
        assertEquals(updated, instant(this.updated.get(feed)), "every fraction JSON has");
    }

    @Override
    String itemId(Entry entry) {
        return entry.getId();
    }

    @Override
    String expectedId(FeedEntry entry) {
        return entry.uri();
    }

    @Override
    String itemTitle(Entry entry) {
        return text(entry.getTitleEx());
    }

    @Override
    String itemLink(Entry entry) {
        return entry.getAlternateLinks().get(0).getHref();
    }

    @Override
    Instant itemPublished(Entry entry) {
        return instant(entryDates.get(entry).get("published"));
    }

    @Override
    String itemSummary(Entry entry) {
        return text(entry.getSummary());
    }

    @Override
    String itemHtml(Entry entry) {
        assertEquals(1, entry.getContents().size());
        assertEquals(Content.HTML, entry.getContents().get(0).getType());
        return entry.getContents().get(0).getValue();
    }

    @Override
    void assertOwnFields(FeedEntry expected, Entry entry) {
        assertEquals(
                FeedOutput.rfc3339(expected.updated()), entryDates.get(entry).get("updated"), "as JSON has it");
        assertEquals(
                FeedOutput.rfc3339(expected.published()), entryDates.get(entry).get("published"));
        assertEquals(Map.of("alternate", expected.url()), links(entry.getAlternateLinks()));
        assertEquals("alternate", entry.getAlternateLinks().get(0).getRel(), "the first link is the alternate");
        assertEquals(
                expected.externalUrl() == null ? Map.of() : Map.of("via", expected.externalUrl()),
                links(entry.getOtherLinks()));
        assertEquals(
                expected.source() == null
                        ? List.of()
                        : List.of(expected.source().name()),
                entry.getAuthors().stream().map(a -> a.getName()).toList());
        List<Category> categories = entry.getCategories();
        assertEquals(expected.categories().size(), categories.size());
        for (int i = 0; i < categories.size(); i++) {
            assertEquals(expected.categories().get(i).term(), categories.get(i).getTerm());
            assertEquals(expected.categories().get(i).label(), categories.get(i).getLabel());
        }
    }

    @Test
    void shouldKeepOneFeedIdForEveryPageOfASelectionWhateverChoseTheFormat() {
        String query = "/v1/articles?category=" + hardCategory() + "&limit=4";
        Feed first = fetch(query + "&format=atom");
        assertEquals("urn:newsdesk:feed:" + query.substring(1), first.getId());
        Feed second = fetch(link(first, "next"));
        Feed last = fetch(link(second, "next"));
        assertEquals(first.getId(), second.getId());
        assertEquals(first.getId(), last.getId());
        Response chosenByAccept =
                given().urlEncodingEnabled(false).header("Accept", mediaType()).get(query);
        assertEquals(first.getId(), parse(chosenByAccept.asByteArray()).getId());
        Response elsewhere = given().urlEncodingEnabled(false)
                .header("Host", "example.test:8123")
                .get(query + "&format=atom");
        assertEquals(first.getId(), parse(elsewhere.asByteArray()).getId(), "the feed id whatever the host");
    }

    @Test
    void shouldIdentifyAOneEntryFeedByTheArticleAndTheUnfilteredFeedWithoutQuery() {
        JsonNode article =
                json("/v1/articles?category=" + hardCategory() + "&limit=1").at("/items/0");
        assertEquals(
                "urn:newsdesk:article:" + article.get("id").asLong(),
                fetch("/v1/articles/" + article.get("id").asLong() + "?format=atom")
                        .getId());
        assertEquals(
                "urn:newsdesk:feed:v1/articles",
                fetch("/v1/articles?format=atom").getId());
    }

    @Test
    void shouldKeepEntryIdsWhateverTheHost() {
        String query = "/v1/articles?category=" + hardCategory() + "&limit=4&format=atom";
        Map<String, String> ids = idsByTitle(fetch(query));
        Response elsewhere = given().urlEncodingEnabled(false)
                .header("Host", "example.test:8123")
                .get(query);
        assertEquals(ids, idsByTitle(parse(elsewhere.asByteArray())));
    }

    /** The text of a text construct, which must be {@code type="text"}: exactly the JSON string. */
    private static String text(Content content) {
        assertEquals(Content.TEXT, content.getType());
        return content.getValue();
    }

    private static Map<String, String> links(List<Link> links) {
        return links.stream().collect(Collectors.toMap(Link::getRel, Link::getHref));
    }

    private String link(Feed feed, String rel) {
        Link link = feed.getOtherLinks().stream()
                .filter(l -> l.getRel().equals(rel))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no link rel=" + rel));
        assertEquals(mediaType(), link.getType());
        return link.getHref();
    }
}
