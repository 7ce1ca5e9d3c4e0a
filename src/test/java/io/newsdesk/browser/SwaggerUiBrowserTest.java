package io.newsdesk.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Swagger UI at {@code /q/swagger-ui/} as a person sees it, in Debian's headless Chromium (see
 * {@link Chromium} for how it is found): its scripts and styles load under the application's own HTTP rules,
 * it fetches {@code /q/openapi}, and it renders one operation for every method and path of the top-level
 * {@code openapi.yaml}, read here with a YAML parser. The browser console must show no error (a refused script, a
 * blocked style or a failed fetch of the document would). A screenshot goes to {@code target/browser/}.
 */
@QuarkusTest
class SwaggerUiBrowserTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");
    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void start() throws IOException {
        browser = Chromium.start(true);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void shouldRenderEveryOperationOfTheOpenApiDocument() throws IOException {
        Set<String> expected = operationsOf(Path.of("openapi.yaml"));
        assertTrue(expected.size() > 10, "openapi.yaml was read: " + expected);

        browser.get(URI.create(base.toString()).resolve("q/swagger-ui/").toString());
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(page -> page.findElements(By.cssSelector(".opblock")).size() >= expected.size());

        Set<String> rendered = new TreeSet<>();
        for (WebElement operation : browser.findElements(By.cssSelector(".opblock"))) {
            String method = operation
                    .findElement(By.cssSelector(".opblock-summary-method"))
                    .getText()
                    .strip()
                    .toLowerCase();
            String path = operation
                    .findElement(By.cssSelector(".opblock-summary-path"))
                    .getAttribute("data-path");
            rendered.add(method + " " + path);
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(rendered);
        assertEquals(Set.of(), missing, "operations of openapi.yaml the Swagger UI does not show");
        assertEquals(expected, rendered, "the Swagger UI shows exactly the operations of openapi.yaml");
        assertTrue(browser.findElement(By.cssSelector(".info .title")).getText().startsWith("Newsdesk"));
        assertTrue(
                browser.findElement(By.cssSelector(".swagger-ui .topbar")).isDisplayed(),
                "the styles and the standalone layout loaded");

        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .collect(Collectors.toList());
        assertEquals(List.of(), errors, "browser console errors on the Swagger UI");
        Files.write(Chromium.SHOTS.resolve("swagger-ui.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** "method path" for every operation of the document. */
    private static Set<String> operationsOf(Path document) throws IOException {
        JsonNode paths =
                new ObjectMapper(new YAMLFactory()).readTree(document.toFile()).get("paths");
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(key -> {
                if (METHODS.contains(key)) {
                    operations.add(key + " " + path.getKey());
                }
            });
        }
        return operations;
    }
}
