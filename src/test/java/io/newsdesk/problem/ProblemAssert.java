package io.newsdesk.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.newsdesk.ApiTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Assertions shared by the write and error tests: RFC 9457 problems and bodies that leak no internals. */
public final class ProblemAssert {

    /**
     * What a response body must never show: exception names and stack frames, SQL (fragments of our queries,
     * JDBC's words), Hibernate, and the editor keys the tests use.
     */
    public static final List<String> LEAKS = List.of(
            "Exception",
            "at io.",
            "at java.",
            "at org.",
            "\tat ",
            ".java:",
            "Caused by",
            "SQL",
            "org.hibernate",
            "select a.",
            "select c.",
            "select s.",
            "select e.",
            "select count",
            "insert into",
            "delete from",
            "from Article",
            "from Category",
            "from Source",
            "published_at",
            "category_id",
            ":slug",
            ApiTest.EDITOR_KEY,
            "second-editor-key-0123456789abcdef0");

    private ProblemAssert() {}

    /** The response is a problem+json with this status, type, title, status and detail; returns its body. */
    public static JsonPath problem(Response response, int status) {
        assertEquals(status, response.statusCode(), response.asString());
        String contentType = response.contentType();
        assertNotNull(contentType, "a problem has a Content-Type");
        assertTrue(contentType.startsWith("application/problem+json"), contentType);
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertNoLeak(response.asString());
        JsonPath body = response.jsonPath();
        String type = body.getString("type");
        assertTrue(type != null && (type.equals("about:blank") || type.startsWith("urn:newsdesk:problem:")), type);
        assertFalse(body.getString("title").isBlank());
        assertFalse(body.getString("detail").isBlank());
        assertEquals(status, body.getInt("status"));
        return body;
    }

    /** A problem of type {@code urn:newsdesk:problem:<name>}. */
    public static JsonPath problem(Response response, int status, String name) {
        JsonPath body = problem(response, status);
        assertEquals("urn:newsdesk:problem:" + name, body.getString("type"), response.asString());
        return body;
    }

    /** A 400 invalid-body whose {@code errors} name exactly these fields, each with a message. */
    public static JsonPath invalidBody(Response response, String... fields) {
        JsonPath body = problem(response, 400, "invalid-body");
        List<String> named = body.getList("errors.field", String.class);
        assertEquals(new TreeSet<>(Set.of(fields)), new TreeSet<>(named), response.asString());
        assertEquals(named.size(), new TreeSet<>(named).size(), "each field once: " + named);
        body.getList("errors.message", String.class).forEach(message -> assertFalse(message.isBlank()));
        return body;
    }

    public static void assertNoLeak(String body) {
        for (String leak : LEAKS) {
            assertFalse(body.contains(leak), "response body shows '" + leak + "': " + body);
        }
    }
}
