package io.newsdesk.format;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.XmlReader;

import io.restassured.response.Response;

/**
 * Helpers of the feed contract tests: the hard-text fixture, fetching, and for the XML formats strict parsing and
 * the raw-text checks.
 */
final class FeedTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&#(x[0-9a-fA-F]+|[0-9]+);");
    private static String category;

    private FeedTests() {}

    /** The slug of a category whose ten articles have hard text; created once per test run. */
    static synchronized String hardCategory() {
        if (category == null) {
            category = HardText.create();
        }
        return category;
    }

    static JsonNode json(String url) {
        Response response = given().urlEncodingEnabled(false)
                .header("Accept", "application/json")
                .get(url);
        assertEquals(200, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        try {
            return JSON.readTree(response.asByteArray());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Parses JSON bytes. */
    static JsonNode read(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** GETs a feed, checks status and content type, and returns the raw bytes. */
    static byte[] feed(String url, String mediaType) {
        Response response = given().urlEncodingEnabled(false).get(url);
        assertEquals(200, response.statusCode(), response.asString());
        assertContentType(response, mediaType);
        return response.asByteArray();
    }

    static void assertContentType(Response response, String mediaType) {
        String contentType = response.contentType().replace(" ", "").toLowerCase(Locale.ROOT);
        assertEquals(mediaType + ";charset=utf-8", contentType);
    }

    /**
     * A strict parse (see {@link #assertStrictlyWellFormed}), then Rome's, which refuses DOCTYPEs; the feed type
     * tells which generator Rome recognises.
     */
    static WireFeed parse(byte[] body, String feedType) {
        assertStrictlyWellFormed(body);
        try {
            WireFeed feed = new WireFeedInput(false, Locale.US).build(new XmlReader(new ByteArrayInputStream(body)));
            assertEquals(feedType, feed.getFeedType());
            return feed;
        } catch (Exception e) {
            throw new AssertionError("Rome could not parse the feed", e);
        }
    }

    /**
     * The raw {@code updated} of an Atom feed, then {@code published} and {@code updated} of each entry, in order:
     * the text as written.
     */
    static List<Map<String, String>> entryDates(byte[] body) {
        org.w3c.dom.Element feed = assertStrictlyWellFormed(body).getDocumentElement();
        List<Map<String, String>> dates = new ArrayList<>();
        dates.add(childTexts(feed, "updated"));
        org.w3c.dom.NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            dates.add(childTexts((org.w3c.dom.Element) entries.item(i), "published", "updated"));
        }
        return dates;
    }

    private static Map<String, String> childTexts(org.w3c.dom.Element parent, String... names) {
        Map<String, String> texts = new HashMap<>();
        for (org.w3c.dom.Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof org.w3c.dom.Element element
                    && ATOM.equals(element.getNamespaceURI())
                    && List.of(names).contains(element.getLocalName())) {
                texts.put(element.getLocalName(), element.getTextContent());
            }
        }
        return texts;
    }

    /** The value of an attribute of the root element, or null. */
    static String rootAttribute(byte[] body, String namespace, String name) {
        org.w3c.dom.Element root = assertStrictlyWellFormed(body).getDocumentElement();
        return root.hasAttributeNS(namespace, name) ? root.getAttributeNS(namespace, name) : null;
    }

    /** A namespace-aware JAXP parse that fails on any warning, error or fatal error. */
    private static org.w3c.dom.Document assertStrictlyWellFormed(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    fail("XML warning: " + e.getMessage());
                }

                @Override
                public void error(SAXParseException e) {
                    fail("XML error: " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    fail("XML fatal error: " + e.getMessage());
                }
            });
            return builder.parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML", e);
        }
    }

    /**
     * The document is UTF-8, declares it, carries astral characters raw (never as {@code &#55357;}-style
     * surrogate references nor as {@code &#x1f4c8;}) and uses character references only below U+10000.
     */
    static void assertAstralCharactersRaw(byte[] body) {
        String xml = new String(body, StandardCharsets.UTF_8);
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), xml.substring(0, 60));
        assertTrue(xml.contains("🞛"), "emoji missing or escaped");
        assertTrue(xml.contains("🇺🇦"), "flag missing or escaped");
        Matcher matcher = CHARACTER_REFERENCE.matcher(xml);
        while (matcher.find()) {
            String number = matcher.group(1);
            int codePoint =
                    number.startsWith("x") ? Integer.parseInt(number.substring(1), 16) : Integer.parseInt(number);
            assertFalse(
                    Character.isSurrogate((char) codePoint) || codePoint > 0xFFFF,
                    "character reference " + matcher.group());
        }
        assertFalse(xml.contains("\uFFFD"), "replacement character: text lost in encoding");
    }

    /** The reverse of HTML escaping of text, as any HTML parser does it for these references. */
    static String unescapeHtml(String html) {
        return html.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /**
     * Plain text's paragraphs, written here independently of the writers: split where a line break is followed by
     * lines of spaces and tabs only and another line break (a CR LF is one break, never two), each stripped.
     */
    static List<String> blankLineParagraphs(String text) {
        return Arrays.stream(text.split("(?>\r\n|\r|\n)(?:[ \t]*(?>\r\n|\r|\n))+"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    /** This absolute URL as a path and query, so that a request reaches the test server whatever its host. */
    static String local(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
