package io.newsdesk.format;

import static io.newsdesk.format.FeedTests.hardCategory;
import static io.newsdesk.format.FeedTests.json;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsdesk.ApiTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * The contract every feed format (RSS, Atom, JSON Feed) keeps, written once (the Rome pattern): a subclass names
 * its format, builds its writer, parses a body with the format's real parser and reads the parsed document
 * through small accessors; it adds only what its format alone says ({@link #assertOwnHeader},
 * {@link #assertOwnFields}, and test methods of its own).
 * <ul>
 * <li>Over HTTP, on the {@link HardText} fixture: every page is the JSON page of the same selection, item by item
 * and in order, with every character intact; self and next follow the JSON pages; one article is a one-item feed;
 * every link is absolute on the host the client asked for; item ids are stable.</li>
 * <li>Golden file: the writer renders the fixed {@link GoldenFeed#DOCUMENT} byte for byte as
 * {@code src/test/resources/golden/<goldenFile()>}, and that file parses with the real parser back to the
 * fixed feed, so a wrong file cannot be blessed. Run with {@code -Dgolden.update=true} to rewrite the files
 * instead of comparing (then read the diff before committing it).</li>
 * </ul>
 * A new format is one writer class plus one subclass of this (and its golden file, written by
 * {@code golden.update}).
 *
 * @param <F> the parsed feed (Rome's {@code Channel} or {@code Feed}, Jackson's tree)
 * @param <I> one parsed item
 */
abstract class AbstractFeedContractTest<F, I> extends ApiTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    /**
     * What the test server's feeds say of themselves: {@code newsdesk.language} (default en), and one minute to
     * poll, from the default Cache-Control {@code max-age=30} rounded up to whole minutes.
     */
    static final FeedChannel SERVED = new FeedChannel("en", Duration.ofMinutes(1));

    private static final Pattern PARAGRAPH = Pattern.compile("<p>(.*?)</p>", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]*)\">([^<]*)</a>");

    /** The value of {@code ?format=}. */
    abstract String format();

    /** The media type without parameters, e.g. {@code application/rss+xml}. */
    abstract String mediaType();

    /** The writer, built by hand: the golden test needs no CDI. */
    abstract ModelWriter writer();

    /** The golden file's name under {@code src/test/resources/golden/}. */
    abstract String goldenFile();

    /** Parses with the format's real parser, failing on anything a strict parser refuses. */
    abstract F parse(byte[] body);

    /** Fails unless every character travels raw in the bytes: astral characters never as escapes. */
    abstract void assertRawText(byte[] body);

    /**
     * Whether self and next carry {@code format=<format()>} also when Accept alone chose the format, so that
     * a reader that sends no Accept header gets the feed back. RSS and Atom do; JSON Feed does not (yet): it
     * writes the request URL as it came.
     */
    boolean pinsFormatInLinks() {
        return true;
    }

    abstract List<I> items(F feed);

    abstract String feedTitle(F feed);

    abstract String description(F feed);

    /** The same selection in the default representation (RSS's link, Atom's alternate, JSON Feed's home page). */
    abstract String alternate(F feed);

    abstract String self(F feed);

    /** The next page, or null when the feed has none. */
    abstract String next(F feed);

    /** The WebSub hub the feed names, or null when it names none. */
    abstract String hub(F feed);

    /** Every further URL this feed carries that points into this API (ids that are URLs, sources' feeds). */
    abstract List<String> otherUrls(F feed);

    /**
     * The format's own header: what it says beyond the shared fields, given the feed's {@code updated} and its
     * language and polling hint.
     */
    abstract void assertOwnHeader(F feed, Instant updated, FeedChannel channel);

    /** The item's id in this format (RSS guid, Atom id, JSON Feed id) and the id the writer must give it. */
    abstract String itemId(I item);

    abstract String expectedId(FeedEntry entry);

    abstract String itemTitle(I item);

    /** The permalink. */
    abstract String itemLink(I item);

    abstract Instant itemPublished(I item);

    /** The summary as plain text (undoing the format's escaping, if any). */
    abstract String itemSummary(I item);

    /** The content as the HTML fragment the format carries (undoing the format's own XML escaping, if any). */
    abstract String itemHtml(I item);

    /** The fields only this format has (dates, categories, origin, related links). */
    abstract void assertOwnFields(FeedEntry expected, I item);

    @Test
    void shouldMatchTheJsonPageItemByItemWithHardTextIntact() {
        String query = "/v1/articles?category=" + hardCategory() + "&limit=4";
        JsonNode page = json(query + "&format=json");
        F feed = fetch(query + "&format=" + format());

        assertEquals(4, page.get("items").size());
        assertItemsEqual(entries(page.get("items")), items(feed));
        assertTrue(feedTitle(feed).startsWith("Newsdesk: Category " + hardCategory()), feedTitle(feed));
        assertTrue(alternate(feed).endsWith(query), alternate(feed));
        assertTrue(description(feed).startsWith("Articles of Category "), description(feed));
        assertOwnHeader(feed, newest(page.get("items")), SERVED);
    }

    @Test
    void shouldServeTheWholeHardSelectionWithEveryCharacterIntact() {
        String query = "/v1/articles?category=" + hardCategory();
        byte[] body = FeedTests.feed(query + "&format=" + format(), mediaType());
        assertRawText(body);
        F feed = checked(body);
        List<String> newestFirst = new ArrayList<>(HardText.TITLES);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, items(feed).stream().map(this::itemTitle).toList());
        assertEquals(HardText.PARAGRAPHS, textParagraphs(itemHtml(items(feed).get(0)), 3));
        assertTrue(self(feed).endsWith(query + "&format=" + format()), self(feed));
        assertTrue(alternate(feed).endsWith(query), alternate(feed));
        assertNull(next(feed));
    }

    @Test
    void shouldLinkSelfAndNextLikeTheJsonPagesAndOmitNextOnTheLastPage() {
        String query = "/v1/articles?category=" + hardCategory() + "&limit=4";
        String url = query + "&format=" + format();
        F first = fetch(url);
        JsonNode jsonFirst = json(query + "&format=json");
        assertTrue(self(first).endsWith(url), self(first));
        String next = next(first);
        assertEquals(jsonFirst.get("next").asText().replace("format=json", "format=" + format()), next);

        F second = fetch(next);
        JsonNode jsonSecond = json(jsonFirst.get("next").asText());
        assertItemsEqual(entries(jsonSecond.get("items")), items(second));
        assertEquals(next, self(second));

        F last = fetch(next(second));
        JsonNode jsonLast = json(jsonSecond.get("next").asText());
        assertItemsEqual(entries(jsonLast.get("items")), items(last));
        assertEquals(
                List.of(4, 4, 2),
                List.of(items(first).size(), items(second).size(), items(last).size()));
        assertTrue(jsonLast.get("next").isNull());
        assertNull(next(last));
        List<String> titles = new ArrayList<>();
        List.of(first, second, last).forEach(page -> items(page).forEach(item -> titles.add(itemTitle(item))));
        List<String> newestFirst = new ArrayList<>(HardText.TITLES);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, titles, "newest first across the pages, every character intact");
    }

    /**
     * WebSub discovery (WebSub 4): a selection's feed names this API's hub and itself, in the document and in the
     * {@code Link} header; a page after the first (with a cursor) is no topic and names no hub.
     */
    @Test
    void shouldAdvertiseTheWebSubHubAndSelfInTheDocumentAndTheLinkHeader() {
        String url = "/v1/articles?category=" + hardCategory() + "&limit=4&format=" + format();
        Response response = given().get(url);
        F feed = parse(response.asByteArray());
        String hub = RestAssured.baseURI + ":" + RestAssured.port + "/v1/websub";
        assertEquals(hub, hub(feed));
        String link = response.header("Link");
        assertTrue(link.contains("<" + hub + ">; rel=\"hub\", <" + self(feed) + ">; rel=\"self\""), link);
        Response second = given().get(next(feed));
        assertNull(hub(parse(second.asByteArray())));
        String secondLink = second.header("Link");
        assertTrue(secondLink == null || !secondLink.contains("rel=\"hub\""), secondLink);
    }

    @Test
    void shouldServeTheFormatWhenAcceptAloneChoseIt() {
        String query = "/v1/articles?category=" + hardCategory() + "&limit=3";
        Response response =
                given().urlEncodingEnabled(false).header("Accept", mediaType()).get(query);
        assertEquals(200, response.statusCode());
        FeedTests.assertContentType(response, mediaType());
        F feed = checked(response.asByteArray());
        JsonNode page = json(query);
        assertItemsEqual(entries(page.get("items")), items(feed));
        String pinned = pinsFormatInLinks() ? "&format=" + format() : "";
        assertTrue(self(feed).endsWith(query + pinned), self(feed));
        if (pinsFormatInLinks()) {
            F second = fetch(next(feed));
            assertItemsEqual(entries(json(page.get("next").asText()).get("items")), items(second));
        }
    }

    @Test
    void shouldKeepItemIdsStableAcrossRequestsAndSelections() {
        String query = "/v1/articles?category=" + hardCategory() + "&limit=4&format=" + format();
        Map<String, String> ids = idsByTitle(fetch(query));
        assertEquals(4, ids.size());
        assertEquals(ids, idsByTitle(fetch(query)));

        String source = json("/v1/articles?category=" + hardCategory() + "&limit=1")
                .at("/items/0/source/slug")
                .asText();
        Map<String, String> bySource = idsByTitle(fetch("/v1/articles?source=" + source + "&format=" + format()));
        ids.forEach((title, id) -> assertEquals(id, bySource.get(title), title));
    }

    @Test
    void shouldServeEachArticleAsAOneItemFeed() {
        for (JsonNode listed :
                json("/v1/articles?category=" + hardCategory() + "&limit=10").get("items")) {
            long id = listed.get("id").asLong();
            JsonNode article = json("/v1/articles/" + id);
            F feed = fetch("/v1/articles/" + id + "?format=" + format());

            assertItemsEqual(List.of(entry(article)), items(feed));
            assertEquals(
                    HardText.PARAGRAPHS, textParagraphs(itemHtml(items(feed).get(0)), 3));
            assertEquals(article.get("title").asText(), feedTitle(feed));
            assertEquals(article.get("url").asText(), alternate(feed));
            assertEquals(article.get("url").asText() + "?format=" + format(), self(feed), "self: the article here");
            assertNull(next(feed));
            assertOwnHeader(feed, Instant.parse(article.get("updatedAt").asText()), SERVED);
        }
    }

    @Test
    void shouldMakeEveryLinkAbsoluteOnTheRequestedHost() {
        String query = "/v1/articles?category=" + hardCategory() + "&limit=4&format=" + format();
        Response response = given().urlEncodingEnabled(false)
                .header("Host", "example.test:8123")
                .get(query);
        assertEquals(200, response.statusCode());
        F feed = parse(response.asByteArray());
        List<String> urls = new ArrayList<>(List.of(alternate(feed), self(feed), next(feed)));
        urls.addAll(otherUrls(feed));
        items(feed).forEach(item -> urls.add(itemLink(item)));
        assertEquals(4, items(feed).size());
        urls.forEach(url -> assertTrue(url.startsWith("http://example.test:8123/"), url));
    }

    @Test
    void shouldWriteAnEmptyButValidFeedForAnEmptySelection() {
        F feed = fetch("/v1/articles?category=" + newCategory() + "&format=" + format());
        assertTrue(items(feed).isEmpty());
        assertNull(next(feed));
        assertOwnHeader(feed, Instant.EPOCH, SERVED);
    }

    @Test
    void shouldOfferTheFormatForArticlesOnly() {
        given().queryParam("format", format()).get("/v1/categories").then().statusCode(400);
        Response response = given().accept(mediaType()).get("/v1/articles?limit=1");
        assertEquals(200, response.statusCode());
        FeedTests.assertContentType(response, mediaType());
    }

    /**
     * The golden file holds what the writer renders of {@link GoldenFeed#DOCUMENT}, byte for byte, and it is right:
     * the real parser reads the fixed feed back from it, field by field. With {@code -Dgolden.update=true} the
     * file is rewritten first, so a writer gone wrong fails here rather than being blessed.
     */
    @Test
    void shouldWriteTheFixedFeedAsTheGoldenFileThatReadsBackAsTheFixedFeed() throws IOException {
        FeedDocument expected = GoldenFeed.DOCUMENT;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer().write(expected, out);
        byte[] written = out.toByteArray();
        Path file = GOLDEN.resolve(goldenFile());
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.write(file, written);
        }
        assertTrue(Files.exists(file), file + " is missing: run the test once with -Dgolden.update=true");
        byte[] golden = Files.readAllBytes(file);

        assertRawText(golden);
        F feed = parse(golden);
        String pinned = pinsFormatInLinks() ? "&format=" + format() : "";
        assertEquals(expected.title(), feedTitle(feed));
        assertEquals(expected.description(), description(feed));
        assertEquals(expected.alternate(), alternate(feed));
        assertEquals(expected.self() + pinned, self(feed));
        assertEquals(expected.next() + pinned, next(feed));
        assertEquals("https://news.example/v1/websub", hub(feed));
        assertOwnHeader(feed, expected.updated().toInstant(), expected.channel());
        assertItemsEqual(expected.entries(), items(feed));
        assertEquals(GoldenFeed.PARAGRAPHS, textParagraphs(itemHtml(items(feed).get(0)), 3));

        assertEquals(
                new String(golden, StandardCharsets.UTF_8),
                new String(written, StandardCharsets.UTF_8),
                file + " differs: if the change is intended, rerun with -Dgolden.update=true and review the diff");
        assertArrayEquals(golden, written, file.toString());
    }

    /** Id, title, permalink, published, summary and content in the expected order, then the format's own fields. */
    private void assertItemsEqual(List<FeedEntry> expected, List<I> items) {
        assertEquals(expected.size(), items.size());
        for (int i = 0; i < items.size(); i++) {
            FeedEntry entry = expected.get(i);
            I item = items.get(i);
            assertEquals(expectedId(entry), itemId(item));
            assertEquals(entry.title(), itemTitle(item));
            assertEquals(entry.url(), itemLink(item));
            assertEquals(entry.published().toInstant(), itemPublished(item));
            assertEquals(entry.summary(), itemSummary(item));
            assertHtmlContent(entry, itemHtml(item));
            assertOwnFields(entry, item);
        }
    }

    /**
     * The content is the entry's one HTML fragment ({@link EntryHtml}), and read as HTML it is: each paragraph of
     * the stored text (split on blank lines) one {@code <p>} with every character escaped, then the notices the
     * entry has, then "Read the full <source> article at" with a link to the original.
     */
    static void assertHtmlContent(FeedEntry entry, String html) {
        assertEquals(EntryHtml.of(entry), html, "one HTML fragment in every format");
        List<String> paragraphs = paragraphs(html);
        List<String> expected = new ArrayList<>(FeedTests.blankLineParagraphs(entry.content()));
        if (entry.notices().summaryOfOther()) {
            expected.add("This is a summary or evaluation of another publication.");
        }
        if (entry.notices().editorialBias()) {
            expected.add("This article contains editorial commentary or bias from the source.");
        }
        int texts = paragraphs.size() - (entry.externalUrl() == null ? 0 : 1);
        assertEquals(expected, textParagraphs(html, texts));
        if (entry.externalUrl() != null) {
            String attribution = paragraphs.get(texts);
            Matcher link = LINK.matcher(attribution);
            assertTrue(link.find(), attribution);
            assertEquals(entry.externalUrl(), FeedTests.unescapeHtml(link.group(1)));
            assertEquals(entry.externalUrl(), FeedTests.unescapeHtml(link.group(2)));
            String source = entry.source() == null ? "" : entry.source().name() + " ";
            assertEquals(
                    "Read the full " + source + "article at " + entry.externalUrl(),
                    FeedTests.unescapeHtml(attribution.replaceAll("<[^>]*>", "")));
        }
    }

    /** The first {@code count} paragraphs as text: escaped text only (no markup), unescaped. */
    static List<String> textParagraphs(String html, int count) {
        List<String> texts = paragraphs(html).subList(0, count);
        texts.forEach(p -> assertFalse(p.contains("<"), "stored text is escaped, never markup: " + p));
        return texts.stream().map(FeedTests::unescapeHtml).toList();
    }

    /** The inner HTML of each {@code <p>}; the fragment is nothing but paragraphs. */
    static List<String> paragraphs(String html) {
        List<String> paragraphs = new ArrayList<>();
        Matcher matcher = PARAGRAPH.matcher(html);
        StringBuilder outside = new StringBuilder();
        int end = 0;
        while (matcher.find()) {
            outside.append(html, end, matcher.start());
            paragraphs.add(matcher.group(1));
            end = matcher.end();
        }
        outside.append(html.substring(end));
        assertEquals("", outside.toString().strip(), "nothing outside the paragraphs");
        return paragraphs;
    }

    /** GETs a feed with the status and content type checked, parses it strictly, and checks its links. */
    F fetch(String url) {
        return checked(FeedTests.feed(url, mediaType()));
    }

    /** Parses a body the test server wrote for a request to itself: its own links are absolute, on that server. */
    private F checked(byte[] body) {
        F feed = parse(body);
        List<String> links = new ArrayList<>(List.of(self(feed), alternate(feed)));
        if (next(feed) != null) {
            links.add(next(feed));
        }
        links.forEach(AbstractFeedContractTest::assertAbsoluteHere);
        return feed;
    }

    /** An absolute URL on the scheme, host and port this test talks to. */
    private static void assertAbsoluteHere(String url) {
        URI uri = URI.create(url);
        assertTrue(uri.isAbsolute(), url);
        assertEquals("http", uri.getScheme());
        assertEquals("localhost", uri.getHost());
        assertEquals(RestAssured.port, uri.getPort());
    }

    Map<String, String> idsByTitle(F feed) {
        return items(feed).stream().collect(Collectors.toMap(this::itemTitle, this::itemId));
    }

    /** The feed's {@code updated}: the newest {@code updatedAt} of the page's items, the epoch when there is none. */
    private static Instant newest(JsonNode items) {
        return items.findValues("updatedAt").stream()
                .map(v -> Instant.parse(v.asText()))
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
    }

    private static List<FeedEntry> entries(JsonNode articles) {
        List<FeedEntry> entries = new ArrayList<>();
        articles.forEach(article -> entries.add(entry(article)));
        return entries;
    }

    /** The entry a feed writer must receive for this article of the JSON representation (see ArticleFeeds). */
    static FeedEntry entry(JsonNode article) {
        String url = article.get("url").asText();
        return new FeedEntry(
                article.get("id").asText(),
                "urn:newsdesk:article:" + article.get("id").asLong(),
                article.get("title").asText(),
                url,
                url,
                article.get("originalUrl").asText(),
                article.get("summary").asText(),
                article.get("content").asText(),
                OffsetDateTime.parse(article.get("publishedAt").asText()),
                OffsetDateTime.parse(article.get("updatedAt").asText()),
                List.of(new FeedEntry.Term(
                        article.at("/category/slug").asText(),
                        article.at("/category/name").asText())),
                new FeedEntry.Origin(
                        article.at("/source/name").asText(),
                        url.substring(0, url.lastIndexOf('/')) + "?source="
                                + article.at("/source/slug").asText()),
                new FeedEntry.Notices(
                        article.get("isSummary").asBoolean(),
                        article.get("hasEditorialBias").asBoolean()),
                article.get("views").asLong(),
                SERVED);
    }
}
