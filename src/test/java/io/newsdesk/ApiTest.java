package io.newsdesk;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Shared helpers of the API tests. Every response of every test is checked against the top-level
 * {@code openapi.yaml} (requests are not: tests send bad requests on purpose). Each test builds its own
 * fixture under fresh slugs, so tests never depend on each other or on the demo content.
 */
public abstract class ApiTest {

    public static final String EDITOR_KEY = "test-editor-key-0123456789abcdef0123";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    private static OpenApiValidationFilter contract;

    @BeforeAll
    static void checkEveryResponseAgainstTheContract() {
        if (contract == null) {
            contract = new OpenApiValidationFilter(OpenApiInteractionValidator.createForSpecificationUrl("openapi.yaml")
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());
        }
        RestAssured.replaceFiltersWith(contract);
    }

    /** A request with the editor key and a JSON body. */
    public static RequestSpecification editor() {
        return given().header("Authorization", "Bearer " + EDITOR_KEY).contentType(ContentType.JSON);
    }

    /** A slug no other test uses. */
    public static String uniqueSlug(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    public static String newCategory() {
        String slug = uniqueSlug("cat");
        editor().body(Map.of("slug", slug, "name", "Category " + slug))
                .post("/v1/categories")
                .then()
                .statusCode(201);
        return slug;
    }

    public static String newSource() {
        String slug = uniqueSlug("src");
        editor().body(Map.of("slug", slug, "name", "Source " + slug, "url", "https://" + slug + ".example.org"))
                .post("/v1/sources")
                .then()
                .statusCode(201);
        return slug;
    }

    /** A valid article body; tests override single fields to make it invalid or special. */
    public static Map<String, Object> article(String category, String source, String publishedAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Council approves budget " + uniqueSlug("t"));
        body.put("summary", "The council approved the budget after a long debate.");
        body.put("content", "First paragraph.\n\nSecond paragraph.");
        body.put("category", category);
        body.put("source", source);
        body.put("publishedAt", publishedAt);
        body.put("originalUrl", "https://www.example.org/news/story");
        body.put("isSummary", true);
        body.put("hasEditorialBias", false);
        return body;
    }

    /** The public article count of a category, as {@code GET /v1/categories/{slug}} answers it. */
    public static long articlesInCategory(String category) {
        return given().get("/v1/categories/" + category)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("articleCount");
    }

    /** GETs a JSON list until it has {@code items} items or 5 s passed (the change log numbers rows after commit). */
    public static JsonPath poll(String url, int items) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (true) {
            JsonPath page = given().get(url).jsonPath();
            if (page.getList("items").size() >= items || System.currentTimeMillis() > deadline) {
                return page;
            }
            Thread.sleep(50);
        }
    }

    public static long newArticle(String category, String source, String publishedAt) {
        return newArticle(article(category, source, publishedAt));
    }

    public static long newArticle(Map<String, Object> body) {
        return editor().body(body)
                .post("/v1/articles")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }
}
