package io.newsdesk.selection;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.opencsv.CSVReader;

import io.newsdesk.ApiTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Helpers of the selection tests. Queries are encoded here (every reserved character, '+' as %2B) and sent
 * with RestAssured's own encoding off, so that each test says exactly which bytes reach the server.
 */
abstract class SelectionSupport extends ApiTest {

    static final String PROBLEM_JSON = "application/problem+json";

    /** Whether this test run reads PostgreSQL (full-text search) rather than the embedded H2 (substrings). */
    static boolean onPostgres() {
        String url = System.getenv("NEWSDESK_DB_URL");
        return url != null && !url.isBlank();
    }

    /** An article of the given category and source, published at the given instant. */
    static long publish(String category, String source, String publishedAt) {
        return newArticle(category, source, publishedAt);
    }

    /**
     * The CSV export of the category writes publishedAt and updatedAt as its JSON does (ISO-8601, the newsroom's
     * offset, the fraction without trailing zeros); returns how many articles it compared.
     */
    static int assertCsvTimesAsJson(String category) throws Exception {
        List<Map<String, Object>> json =
                ok(articles("category", category, "limit", "100")).getList("items");
        List<String[]> rows;
        try (CSVReader csv = new CSVReader(new StringReader(articles("category", category, "format", "csv")
                .then()
                .statusCode(200)
                .extract()
                .asString()))) {
            rows = csv.readAll();
        }
        assertEquals(json.size() + 1, rows.size());
        for (int i = 0; i < json.size(); i++) {
            assertEquals(json.get(i).get("publishedAt"), rows.get(i + 1)[9], "publishedAt");
            assertEquals(json.get(i).get("updatedAt"), rows.get(i + 1)[10], "updatedAt");
        }
        return json.size();
    }

    /** An article with the given title, summary and content. */
    static long publishText(String category, String source, String title, String summary, String content) {
        Map<String, Object> body = article(category, source, "2026-03-10T12:00:00Z");
        body.put("title", title);
        body.put("summary", summary);
        body.put("content", content);
        return newArticle(body);
    }

    /** A query string from name/value pairs, each value percent-encoded (space as %20, '+' as %2B). */
    static String query(String... pairs) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            query.append(query.length() == 0 ? "" : "&")
                    .append(pairs[i])
                    .append('=')
                    .append(encode(pairs[i + 1]));
        }
        return query.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Response articles(String... pairs) {
        return raw("/v1/articles?" + query(pairs));
    }

    static Response dates(String... pairs) {
        return raw("/v1/dates?" + query(pairs));
    }

    /** A path with a query exactly as written (already encoded), or an absolute URL taken from a response. */
    static Response raw(String pathAndQuery) {
        return given().urlEncodingEnabled(false).get(pathAndQuery);
    }

    static JsonPath ok(Response response) {
        response.then().statusCode(200).contentType("application/json");
        return response.jsonPath();
    }

    static List<Long> ids(Response response) {
        return ok(response).getList("items.id", Long.class);
    }

    static List<Long> ids(JsonPath page) {
        return page.getList("items.id", Long.class);
    }

    /** Every id of a selection, page by page through {@code next}; asserts that every next link is absolute. */
    static List<Long> walk(String... pairs) {
        List<Long> all = new ArrayList<>();
        JsonPath page = ok(articles(pairs));
        all.addAll(ids(page));
        for (int pages = 1; page.getString("next") != null; pages++) {
            assertTrue(pages < 200, "walk does not end");
            String next = page.getString("next");
            assertTrue(next.startsWith("http"), "next is absolute: " + next);
            page = ok(raw(next));
            all.addAll(ids(page));
        }
        return all;
    }

    /** Asserts an RFC 9457 problem of the given status and Newsdesk problem type name. */
    static JsonPath assertProblem(Response response, int status, String typeName) {
        response.then().statusCode(status).contentType(PROBLEM_JSON);
        JsonPath problem = response.jsonPath();
        assertEquals("urn:newsdesk:problem:" + typeName, problem.getString("type"));
        assertEquals(status, problem.getInt("status"));
        assertNotNull(problem.getString("title"));
        assertFalse(problem.getString("title").isBlank(), "title");
        assertNotNull(problem.getString("detail"));
        assertFalse(problem.getString("detail").isBlank(), "detail");
        return problem;
    }

    static void assertInvalidParameter(Response response, String parameter) {
        JsonPath problem = assertProblem(response, 400, "invalid-parameter");
        assertEquals(List.of(parameter), problem.getList("errors.field"), "the bad parameter is named");
    }

    /** The decoded query parameters of an absolute URL, in order. */
    static Map<String, List<String>> params(String url) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }
}
