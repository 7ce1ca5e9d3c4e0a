package io.newsdesk.html;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsdesk.ApiTest;
import io.newsdesk.format.HardText;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import nu.validator.client.EmbeddedValidator;

/**
 * The W3C Nu HTML checker (the validator behind validator.w3.org/nu, run in-process from Maven Central) finds no
 * error on any kind of page, with hard text in it. The pages are kept under {@code target/html-pages} for a look.
 */
@QuarkusTest
class ValidHtmlTest extends ApiTest {

    private static final Path PAGES = Path.of("target", "html-pages");

    @Test
    void shouldBeValidHtmlOnEveryKindOfPage() throws Exception {
        String category = HardText.create();
        long article = given().get("/v1/articles?limit=1&category=" + category)
                .jsonPath()
                .getLong("items[0].id");
        String source = given().get("/v1/articles/" + article).jsonPath().getString("source.slug");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("article", "/v1/articles/" + article);
        pages.put("selection", "/v1/articles?limit=3&q=a&category=" + category + "&source=" + source);
        pages.put("empty-selection", "/v1/articles?category=" + category + "&date=1999-01-01");
        pages.put("categories", "/v1/categories");
        pages.put("category", "/v1/categories/" + category);
        pages.put("sources", "/v1/sources");
        pages.put("source", "/v1/sources/" + source);
        pages.put("archive", "/v1/dates?category=" + category);

        Files.createDirectories(PAGES);
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Response response = Html.fetch(page.getValue());
            assertEquals(200, response.statusCode(), page.getValue());
            byte[] html = response.asByteArray();
            Files.write(PAGES.resolve(page.getKey() + ".html"), html);
            errors.addAll(errors(page.getKey(), html));
        }
        assertTrue(errors.isEmpty(), String.join("\n", errors));
    }

    /** The checker's errors (and fatal errors) on one page; warnings and info are not errors. */
    private static List<String> errors(String name, byte[] html) throws IOException, org.xml.sax.SAXException {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        String report = validator.validate(new ByteArrayInputStream(html));
        List<String> errors = new ArrayList<>();
        for (JsonNode message : new ObjectMapper().readTree(report).path("messages")) {
            String type = message.path("type").asText();
            if (type.equals("error") || type.equals("non-document-error")) {
                errors.add(name + ":" + message.path("lastLine").asText() + ": "
                        + message.path("message").asText() + " ["
                        + message.path("extract").asText() + "]");
            }
        }
        if (report.isBlank()) {
            errors.add(name + ": the checker gave no report");
        }
        return errors;
    }
}
