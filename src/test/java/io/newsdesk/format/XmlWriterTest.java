package io.newsdesk.format;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** XML is the JSON model under stable element names: every value equal, every hard character intact. */
@QuarkusTest
class XmlWriterTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldServeEveryPageOfArticlesAsTheJsonPageWithNextExactlyWhenJsonHasIt() throws IOException {
        String category = HardText.create();
        String xmlUrl = "/v1/articles?category=" + category + "&limit=4&format=xml";
        String jsonUrl = "/v1/articles?category=" + category + "&limit=4&format=json";
        List<String> titles = new ArrayList<>();
        List<Boolean> hasNext = new ArrayList<>();
        while (xmlUrl != null) {
            JsonNode json = json(jsonUrl);
            Element root = xml(xmlUrl, "articles");
            XmlTrees.assertSameAsJson(root, json, "article");
            String next = XmlTrees.childText(root, "next");
            if (json.get("next").isNull()) {
                assertNull(next, "no <next> on the last page");
            } else {
                assertEquals(json.get("next").asText().replace("format=json", "format=xml"), next);
            }
            json.get("items").forEach(item -> titles.add(item.get("title").asText()));
            hasNext.add(next != null);
            xmlUrl = next;
            jsonUrl = json.get("next").isNull() ? null : json.get("next").asText();
        }
        assertEquals(List.of(true, true, false), hasNext, "pages of 4, 4 and 2");
        List<String> newestFirst = new ArrayList<>(HardText.TITLES);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, titles, "newest first, every character intact");
    }

    @Test
    void shouldServeOneArticleAsTheJsonArticleWithTheSameFieldNames() throws IOException {
        String category = HardText.create();
        JsonNode page = json("/v1/articles?category=" + category + "&limit=10");
        for (JsonNode item : page.get("items")) {
            long id = item.get("id").asLong();
            Element root = xml("/v1/articles/" + id + "?format=xml", "article");
            XmlTrees.assertSameAsJson(root, json("/v1/articles/" + id), "none");
            assertEquals(HardText.CONTENT, XmlTrees.childText(root, "content"), "CR, LF, tab and markup intact");
            assertEquals(item.get("isSummary").asText(), XmlTrees.childText(root, "isSummary"));
            assertEquals(item.get("hasEditorialBias").asText(), XmlTrees.childText(root, "hasEditorialBias"));
            Element nested = XmlTrees.children(root).stream()
                    .filter(e -> e.getLocalName().equals("category"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(category, XmlTrees.childText(nested, "slug"));
        }
    }

    @Test
    void shouldWriteAstralCharactersAsUtf8AndCarriageReturnsAsReferences() throws IOException {
        String category = HardText.create();
        byte[] raw = given().queryParam("category", category)
                .queryParam("format", "xml")
                .get("/v1/articles")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        String text = new String(raw, StandardCharsets.UTF_8);
        assertTrue(
                text.startsWith("<?xml version='1.0' encoding='UTF-8'?>")
                        || text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
                "declares UTF-8");
        XmlTrees.assertNoSurrogateReferences(raw);
        assertTrue(text.contains("🞛") && text.contains("🇺🇦") && text.contains("e\u0301"), "raw UTF-8 characters");
        assertTrue(
                text.contains("&#13;") || text.toLowerCase(Locale.ROOT).contains("&#xd;"),
                "CR escaped, else a parser reads it as LF");
        XmlTrees.parse(raw);
    }

    @Test
    void shouldServeAnEmptyPageAsAnEmptyItemsElementWithoutNext() throws IOException {
        String category = newCategory();
        Element root = xml("/v1/articles?category=" + category + "&format=xml", "articles");
        XmlTrees.assertSameAsJson(root, json("/v1/articles?category=" + category), "article");
        assertEquals(
                List.of("items"),
                XmlTrees.children(root).stream().map(Element::getLocalName).toList());
    }

    @Test
    void shouldServeCategoriesAndOneCategoryAsTheirJson() throws IOException {
        String category = HardText.create();
        XmlTrees.assertSameAsJson(xml("/v1/categories?format=xml", "categories"), json("/v1/categories"), "category");
        Element one = xml("/v1/categories/" + category + "?format=xml", "category");
        XmlTrees.assertSameAsJson(one, json("/v1/categories/" + category), "none");
        assertEquals("10", XmlTrees.childText(one, "articleCount"));
    }

    @Test
    void shouldServeSourcesAndOneSourceAsTheirJson() throws IOException {
        String source = newSource();
        XmlTrees.assertSameAsJson(xml("/v1/sources?format=xml", "sources"), json("/v1/sources"), "source");
        XmlTrees.assertSameAsJson(
                xml("/v1/sources/" + source + "?format=xml", "source"), json("/v1/sources/" + source), "none");
    }

    @Test
    void shouldServeTheArchiveOfASelectionAsDays() throws IOException {
        String category = HardText.create();
        Element root = xml("/v1/dates?category=" + category + "&format=xml", "dates");
        JsonNode json = json("/v1/dates?category=" + category + "&format=json");
        XmlTrees.assertSameAsJson(root, json, "day");
        assertEquals(10, json.get("items").size());
        Element items = XmlTrees.children(root).get(0);
        assertEquals("2026-05-10", XmlTrees.childText(XmlTrees.children(items).get(0), "date"));
    }

    @Test
    void shouldAnswerACountedViewAsXml() throws IOException {
        long id = newArticle(newCategory(), newSource(), "2026-05-01T10:00:00Z");
        Response response = given().queryParam("format", "xml").post("/v1/articles/" + id + "/views");
        Element root = checked(response, "viewCount");
        assertEquals(String.valueOf(id), XmlTrees.childText(root, "id"));
        assertEquals("1", XmlTrees.childText(root, "views"));
        JsonNode json = JSON.readTree(given().post("/v1/articles/" + id + "/views")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        assertEquals(2, json.get("views").asLong());
    }

    @Test
    void shouldNegotiateXmlFromTheAcceptHeader() {
        given().accept("application/xml")
                .get("/v1/categories")
                .then()
                .statusCode(200)
                .contentType("application/xml;charset=UTF-8");
    }

    private static JsonNode json(String url) throws IOException {
        Response response = given().get(url);
        response.then().statusCode(200).contentType("application/json");
        return JSON.readTree(response.asByteArray());
    }

    private static Element xml(String url, String rootName) {
        return checked(given().get(url), rootName);
    }

    /** A 200 XML answer: well-formed, UTF-8, no surrogate references, with this root element. */
    private static Element checked(Response response, String rootName) {
        response.then().statusCode(200);
        assertEquals(
                "application/xml;charset=utf-8",
                response.contentType().replace(" ", "").toLowerCase(Locale.ROOT));
        byte[] raw = response.asByteArray();
        XmlTrees.assertNoSurrogateReferences(raw);
        Element root = XmlTrees.parse(raw).getDocumentElement();
        assertNotNull(root);
        assertNull(root.getNamespaceURI(), "no namespace");
        assertEquals(rootName, root.getLocalName());
        return root;
    }
}
