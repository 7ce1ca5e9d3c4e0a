package io.newsdesk.caching;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;

/** The article titles of a list representation, read with a real parser of its format. */
final class Titles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Titles() {}

    static List<String> of(String format, byte[] body) {
        try {
            return switch (format) {
                case "json", "jsonfeed" -> {
                    List<String> titles = new ArrayList<>();
                    for (JsonNode item : JSON.readTree(body).get("items")) {
                        titles.add(item.get("title").asText());
                    }
                    yield titles;
                }
                case "rss", "atom" ->
                    new SyndFeedInput()
                            .build(new InputSource(new ByteArrayInputStream(body))).getEntries().stream()
                                    .map(SyndEntry::getTitle)
                                    .toList();
                case "html" -> {
                    Document page = Jsoup.parse(new String(body, StandardCharsets.UTF_8));
                    List<String> titles = page.select(".article-item-title a").eachText();
                    yield titles.isEmpty() ? page.select("#article-title").eachText() : titles;
                }
                case "xml" -> {
                    NodeList nodes = DocumentBuilderFactory.newInstance()
                            .newDocumentBuilder()
                            .parse(new ByteArrayInputStream(body))
                            .getElementsByTagName("title");
                    List<String> titles = new ArrayList<>();
                    for (int i = 0; i < nodes.getLength(); i++) {
                        titles.add(nodes.item(i).getTextContent());
                    }
                    yield titles;
                }
                case "csv" -> {
                    List<String[]> rows = new CSVReader(
                                    new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8))
                            .readAll();
                    int column = List.of(rows.get(0)).indexOf("title");
                    yield rows.subList(1, rows.size()).stream()
                            .map(row -> row[column])
                            .toList();
                }
                default -> throw new IllegalArgumentException(format);
            };
        } catch (Exception e) {
            throw new AssertionError("unreadable " + format + ": " + e, e);
        }
    }
}
