package io.newsdesk.format;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jdom2.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Channel;

import io.restassured.response.Response;

/**
 * One feed document as RFC 5005 sees it, read with the format's real parser (Rome for RSS and Atom, after a strict
 * XML parse; Jackson for JSON Feed): its item ids in order, its {@code fh:} marker, its links by relation, and the
 * HTTP answer it came with.
 *
 * @param marker {@code archive}, {@code complete} or null
 * @param links self, next and the RFC 5005 relations, each to its URL
 */
record ArchiveDocument(List<String> ids, String marker, Map<String, String> links, Response response) {

    static final String FH = "http://purl.org/syndication/history/1.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    String link(String rel) {
        return links.get(rel);
    }

    /** GETs a feed document (a path or an absolute URL) in this format, asserting a 200 of the format. */
    static ArchiveDocument get(String url, String format) {
        Response response = given().urlEncodingEnabled(false).get(url);
        assertEquals(200, response.statusCode(), () -> url + " -> " + response.asString());
        FeedTests.assertContentType(response, mediaType(format));
        return read(format, response);
    }

    static ArchiveDocument read(String format, Response response) {
        byte[] body = response.asByteArray();
        switch (format) {
            case "atom":
                return atom((Feed) FeedTests.parse(body, "atom_1.0"), response);
            case "rss":
                return rss((Channel) FeedTests.parse(body, "rss_2.0"), response);
            case "jsonfeed":
                return jsonFeed(body, response);
            default:
                throw new IllegalArgumentException(format);
        }
    }

    static String mediaType(String format) {
        return Map.of(
                        "atom", "application/atom+xml",
                        "rss", "application/rss+xml",
                        "jsonfeed", "application/feed+json")
                .get(format);
    }

    private static ArchiveDocument atom(Feed feed, Response response) {
        feed.getOtherLinks().stream()
                .filter(link -> !link.getRel().equals("self"))
                .forEach(link -> assertEquals(
                        link.getRel().equals("hub") ? null : "application/atom+xml", link.getType(), link.getRel()));
        return new ArchiveDocument(
                feed.getEntries().stream().map(Entry::getId).toList(),
                marker(feed.getForeignMarkup()),
                byRel(feed.getOtherLinks(), Link::getRel, Link::getHref),
                response);
    }

    private static ArchiveDocument rss(Channel channel, Response response) {
        List<Link> links = ((AtomLinkModule) channel.getModule(AtomLinkModule.URI)).getLinks();
        // every link is a document of this feed, but the WebSub hub (an endpoint, no feed type)
        links.forEach(link -> assertEquals(
                link.getRel().equals("hub") ? null : "application/rss+xml", link.getType(), link.getRel()));
        return new ArchiveDocument(
                channel.getItems().stream()
                        .map(item -> item.getGuid().getValue())
                        .toList(),
                marker(channel.getForeignMarkup()),
                byRel(links, Link::getRel, Link::getHref),
                response);
    }

    private static ArchiveDocument jsonFeed(byte[] body, Response response) {
        JsonNode feed;
        try {
            feed = JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON", e);
        }
        List<String> ids = new ArrayList<>();
        feed.get("items").forEach(item -> ids.add(item.get("id").asText()));
        Map<String, String> links = new HashMap<>();
        links.put("self", feed.get("feed_url").asText());
        if (feed.has("next_url")) {
            links.put("next", feed.get("next_url").asText());
        }
        if (feed.has("hubs")) {
            links.put("hub", feed.get("hubs").get(0).get("url").asText());
        }
        String marker = null;
        JsonNode history = feed.get("_rfc5005");
        if (history != null) {
            assertEquals(
                    "https://www.rfc-editor.org/rfc/rfc5005",
                    history.get("about").asText());
            for (String rel : List.of("current", "prev-archive", "next-archive")) {
                JsonNode href = history.get(rel.replace('-', '_'));
                if (href != null) {
                    links.put(rel, href.asText());
                }
            }
            marker = history.has("archive") ? "archive" : history.has("complete") ? "complete" : null;
            assertTrue(!history.has("archive") || history.get("archive").asBoolean(), "archive is true or absent");
            assertTrue(!history.has("complete") || history.get("complete").asBoolean(), "complete is true or absent");
        }
        return new ArchiveDocument(ids, marker, links, response);
    }

    /** The local name of the one fh: element of the head, or null; never both markers. */
    private static String marker(List<Element> foreign) {
        List<String> markers = foreign.stream()
                .filter(element -> FH.equals(element.getNamespaceURI()))
                .map(Element::getName)
                .toList();
        assertTrue(markers.size() <= 1, markers::toString);
        return markers.isEmpty() ? null : markers.get(0);
    }

    private static <L> Map<String, String> byRel(List<L> links, Function<L, String> rel, Function<L, String> href) {
        return links.stream().collect(Collectors.toMap(rel, href));
    }

    /** The relations and URLs of the {@code Link} header, or an empty map without one. */
    /**
     * The relations of the {@code Link} header but {@code self}, which a feed with a WebSub hub repeats there (WebSub
     * discovery wants hub and self together).
     */
    Map<String, String> linkHeader() {
        String header = response.header("Link");
        if (header == null) {
            return Map.of();
        }
        return Arrays.stream(header.split(",\\s*(?=<)"))
                .filter(value -> !value.endsWith("rel=\"self\""))
                .map(value -> value.split(">;\\s*rel=\"", 2))
                .collect(Collectors.toMap(
                        parts -> parts[1].substring(0, parts[1].length() - 1), parts -> parts[0].substring(1)));
    }

    /** The body's further links (everything but self and next). */
    Map<String, String> furtherLinks() {
        return links.entrySet().stream()
                .filter(link -> !Objects.equals(link.getKey(), "self") && !Objects.equals(link.getKey(), "next"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
