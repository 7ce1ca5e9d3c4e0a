package io.newsdesk.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Test helpers for the XML representation: a secure, namespace-aware DOM parse that fails on any error, and a
 * field-by-field comparison of an XML element with the JSON of the same request.
 */
final class XmlTrees {

    private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&#([xX]?)([0-9a-fA-F]+);");

    /** Links that keep the request's query, and so its {@code format}: compare with JSON's {@code format=json}. */
    private static final Set<String> LINKS_WITH_FORMAT = Set.of("next", "articles");

    private XmlTrees() {}

    /** Parses the bytes as a standalone XML document; any well-formedness error fails the test. */
    static Document parse(byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new Strict());
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** Fails when the raw document escapes any character as a reference to a UTF-16 surrogate. */
    static void assertNoSurrogateReferences(byte[] bytes) {
        Matcher matcher = CHARACTER_REFERENCE.matcher(new String(bytes, StandardCharsets.UTF_8));
        while (matcher.find()) {
            int code = Integer.parseInt(matcher.group(2), matcher.group(1).isEmpty() ? 10 : 16);
            assertFalse(code >= 0xD800 && code <= 0xDFFF, "surrogate character reference " + matcher.group());
        }
    }

    /**
     * The element is the JSON value: an object's non-null fields are its child elements with the same names in
     * the same order (a null field has no element), an array is a sequence of {@code itemName} elements, and a
     * scalar is the element's whole text, character for character (links to further pages and days keep the
     * request's format, so a {@code format=json} in them reads {@code format=xml}).
     */
    static void assertSameAsJson(Element element, JsonNode json, String itemName) {
        List<Element> children = children(element);
        if (json.isContainerNode()) {
            assertEquals(children.size(), element.getChildNodes().getLength(), path(element) + " has no text");
        }
        if (json.isObject()) {
            List<String> expected = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : json.properties()) {
                if (!field.getValue().isNull()) {
                    expected.add(field.getKey());
                }
            }
            assertEquals(expected, children.stream().map(Element::getLocalName).toList(), path(element));
            for (Element child : children) {
                assertSameAsJson(child, json.get(child.getLocalName()), itemName);
            }
        } else if (json.isArray()) {
            assertEquals(json.size(), children.size(), path(element));
            for (int i = 0; i < children.size(); i++) {
                assertEquals(itemName, children.get(i).getLocalName(), path(element));
                assertSameAsJson(children.get(i), json.get(i), itemName);
            }
        } else {
            assertTrue(children.isEmpty(), path(element) + " is a leaf");
            String expected = json.asText();
            if (LINKS_WITH_FORMAT.contains(element.getLocalName())) {
                expected = expected.replace("format=json", "format=xml");
            }
            assertEquals(expected, element.getTextContent(), path(element));
        }
    }

    static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                children.add(child);
            } else {
                assertTrue(
                        node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE,
                        path(element) + " holds only elements and text");
            }
        }
        return children;
    }

    /** The text of the only child element with this name, or null when there is none. */
    static String childText(Element element, String name) {
        List<Element> matches = children(element).stream()
                .filter(c -> c.getLocalName().equals(name))
                .toList();
        assertTrue(matches.size() <= 1, "at most one <" + name + ">");
        return matches.isEmpty() ? null : matches.get(0).getTextContent();
    }

    private static String path(Node node) {
        StringBuilder path = new StringBuilder();
        for (Node n = node; n instanceof Element; n = n.getParentNode()) {
            path.insert(0, "/" + n.getLocalName());
        }
        return path.toString();
    }

    private static final class Strict implements ErrorHandler {

        @Override
        public void warning(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
