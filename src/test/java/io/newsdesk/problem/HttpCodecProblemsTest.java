package io.newsdesk.problem;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsdesk.ApiTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Requests refused below the application (by Netty's HTTP decoder, by Quarkus's check of the request target, by
 * Vert.x Web's router, by the HTTP layer's limits) are problems too, sent as raw bytes on a socket: RestAssured
 * and Java's HttpClient refuse or rewrite most of them.
 */
@QuarkusTest
class HttpCodecProblemsTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOST = "Host: localhost\r\n";
    private static final String KEY = "Authorization: Bearer " + EDITOR_KEY + "\r\n";

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void routeOneRequest() {
        // the listening socket is equipped when Quarkus reports the server started, which it does asynchronously;
        // a routed request equips it at once, so no test depends on that race
        given().get("/q/health/live").then().statusCode(200);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                // request targets Quarkus refuses before the router (not a java.net.URI)
                refusal(
                        "'%' without hex digits in the query",
                        "GET /v1/articles?q=%zz HTTP/1.1\r\n" + HOST, 400, "%25"),
                refusal("'%' without hex digits in the path", "GET /v1/articles/%zz HTTP/1.1\r\n" + HOST, 400, "%25"),
                refusal("'%' at the end", "GET /v1/dates?q=% HTTP/1.1\r\n" + HOST, 400, "%25"),
                refusal("'%' with one hex digit", "GET /v1/categories?q=%4 HTTP/1.1\r\n" + HOST, 400, "%25"),
                refusal(
                        "'%zz' in an absolute-form target",
                        "GET http://localhost/v1/sources?q=%zz HTTP/1.1\r\n" + HOST, 400, "%25"),
                refusal(
                        "'%zz' in a write",
                        "POST /v1/categories?x=%zz HTTP/1.1\r\n" + HOST + KEY
                                + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
                        400,
                        "%25"),
                refusal("target '//'", "GET // HTTP/1.1\r\n" + HOST, 400, "//"),
                refusal("'[' in the path", "GET /v1/articles/[1] HTTP/1.1\r\n" + HOST, 400, "%5B"),
                refusal("'\"' in the query", "GET /v1/articles?q=\"x\" HTTP/1.1\r\n" + HOST, 400, "%22"),
                refusal("backslash in the path", "GET /v1\\articles HTTP/1.1\r\n" + HOST, 400, "%5C"),
                // targets the router fails on before any route
                refusal("target '*'", "GET * HTTP/1.1\r\n" + HOST, 404, "/v1"),
                refusal("OPTIONS *", "OPTIONS * HTTP/1.1\r\n" + HOST, 404, "/v1"),
                refusal("target without a leading '/'", "GET v1/articles HTTP/1.1\r\n" + HOST, 404, "/v1"),
                refusal("no Host", "GET /v1/articles HTTP/1.1\r\n", 400, "Host"),
                refusal("a Host that is no host name", "GET /v1/articles HTTP/1.1\r\nHost: a b:c\r\n", 400, "Host"),
                // Netty's decoder
                refusal(
                        "request line over the HTTP layer's limit",
                        "GET /v1/articles?q=" + "a".repeat(70_000) + " HTTP/1.1\r\n" + HOST,
                        414,
                        "8192"),
                refusal(
                        "one header over the HTTP layer's limit",
                        "GET /v1/articles HTTP/1.1\r\n" + HOST + "X-Padding: " + "p".repeat(70_000) + "\r\n",
                        431,
                        "20480"),
                refusal(
                        "many headers over the HTTP layer's limit",
                        "GET /v1/dates HTTP/1.1\r\n" + HOST + "X-Padding: p\r\n".repeat(6_000),
                        431,
                        "20480"),
                refusal("version HTTP/9.9", "GET /v1/articles HTTP/9.9\r\n" + HOST, 400, "HTTP/1.1"),
                refusal("version HTTP/2.0 (the HTTP/2 preface)", "PRI * HTTP/2.0\r\n\r\nSM\r\n", 400, "HTTP/1.1"),
                refusal("version FOO", "GET /v1/articles FOO\r\n" + HOST, 400, "HTTP/1.1"),
                refusal("no version", "GET /v1/articles\r\n" + HOST, 400, "HTTP/1.1"),
                refusal("a space inside the target", "GET /v1/articles?q=a b HTTP/1.1\r\n" + HOST, 400, "HTTP/1.1"),
                refusal(
                        "a header line without ':'",
                        "GET /v1/articles HTTP/1.1\r\n" + HOST + "Accept\r\n",
                        400,
                        "Name: value"),
                refusal(
                        "whitespace before ':'",
                        "GET /v1/articles HTTP/1.1\r\n" + HOST + "Accept : */*\r\n",
                        400,
                        "before the ':'"),
                refusal(
                        "a control character in a header value",
                        "GET /v1/articles HTTP/1.1\r\n" + HOST + "X-A: a\u0001b\r\n",
                        400,
                        "control character"),
                refusal(
                        "a header name with '('",
                        "GET /v1/articles HTTP/1.1\r\n" + HOST + "X(A): b\r\n",
                        400,
                        "header name"),
                refusal(
                        "Content-Length not a number",
                        "POST /v1/categories HTTP/1.1\r\n" + HOST + KEY
                                + "Content-Type: application/json\r\nContent-Length: abc\r\n\r\n{}",
                        400,
                        "Content-Length"),
                refusal(
                        "two different Content-Lengths",
                        "POST /v1/categories HTTP/1.1\r\n" + HOST + KEY
                                + "Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
                        400,
                        "Content-Length"),
                refusal(
                        "Content-Length and Transfer-Encoding",
                        "POST /v1/categories HTTP/1.1\r\n" + HOST + KEY
                                + "Content-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n"
                                + "2\r\n{}\r\n0\r\n\r\n",
                        400,
                        "Transfer-Encoding"),
                refusal(
                        "a chunk size that is not hexadecimal",
                        "POST /v1/categories HTTP/1.1\r\n" + HOST + KEY
                                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
                        400,
                        "hexadecimal"),
                refusal(
                        "a chunk size that overflows",
                        "PUT /v1/sources/x HTTP/1.1\r\n" + HOST + KEY
                                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                                + "fffffffffffffffffff\r\n{}\r\n0\r\n\r\n",
                        400,
                        "hexadecimal"),
                refusal(
                        "a chunk not followed by CRLF",
                        "POST /v1/articles HTTP/1.1\r\n" + HOST + KEY
                                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}xx\r\n0\r\n\r\n",
                        400,
                        "hexadecimal"));
    }

    private static Arguments refusal(String name, String head, int status, String detailMentions) {
        String request = head.contains("\r\n\r\n") ? head : head + "\r\n";
        return Arguments.of(name, request, status, detailMentions);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void shouldAnswerWhatTheHttpLayerRefusesWithAProblem(String name, String request, int status, String detailMentions)
            throws IOException {
        try (RawHttp http = new RawHttp(root.getPort(), 10_000)) {
            http.send(RawHttp.bytes(request));
            RawHttp.Response response = http.read(false);

            JsonNode body = assertProblem(name, response, status);
            assertTrue(body.get("detail").textValue().contains(detailMentions), name + ": " + response);
        }
    }

    @Test
    void shouldAnswerAChunkedBodyOverTheLimitWith413WhileItStreams() throws Exception {
        // 5 MiB: over Newsdesk's 1 MiB and over the HTTP layer's 4 MiB, which a declared length never reaches
        byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try (RawHttp http = new RawHttp(root.getPort(), 20_000)) {
            http.send(RawHttp.bytes("POST /v1/categories HTTP/1.1\r\n" + HOST + KEY
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
            AtomicBoolean answered = new AtomicBoolean();
            Thread writer = new Thread(() -> {
                for (int i = 0; i < 80 && !answered.get() && http.send(chunk); i++) {
                    // the server stops reading after the 413; the client stops writing when it sees it
                }
            });
            writer.start();
            RawHttp.Response response = http.read(false);
            answered.set(true);
            writer.join(20_000);

            JsonNode body = assertProblem("chunked body of 5 MiB", response, 413);
            assertEquals(
                    "urn:newsdesk:problem:payload-too-large", body.get("type").textValue());
            assertEquals("close", response.header("connection"));
        }
    }

    @Test
    void shouldReadAChunkedBodyUnderTheLimit() throws IOException {
        String slug = uniqueSlug("chunked");
        String json = "{\"slug\":\"" + slug + "\",\"name\":\"Chunked\"}";
        String chunks = Integer.toHexString(10) + "\r\n" + json.substring(0, 10) + "\r\n"
                + Integer.toHexString(json.length() - 10) + ";ext=1\r\n" + json.substring(10) + "\r\n0\r\n\r\n";
        try (RawHttp http = new RawHttp(root.getPort(), 10_000)) {
            http.send(RawHttp.bytes("POST /v1/categories HTTP/1.1\r\n" + HOST + KEY
                    + "Content-Type: application/json\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + chunks));
            RawHttp.Response created = http.read(false);
            assertEquals(201, created.status(), created.toString());

            // the same connection serves the next request
            http.send(RawHttp.bytes("GET /v1/categories/" + slug + " HTTP/1.1\r\n" + HOST + "\r\n"));
            RawHttp.Response read = http.read(false);
            assertEquals(200, read.status(), read.toString());
            assertEquals("Chunked", JSON.readTree(read.body()).get("name").textValue());
        }
        String oversized = "{\"slug\":\"" + uniqueSlug("big") + "\",\"name\":\"" + "n".repeat(1_048_576) + "\"}";
        try (RawHttp http = new RawHttp(root.getPort(), 10_000)) {
            http.send(RawHttp.bytes("POST /v1/categories HTTP/1.1\r\n" + HOST + KEY
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(oversized.length()) + "\r\n" + oversized + "\r\n0\r\n\r\n"));
            assertProblem("chunked body just over 1 MiB", http.read(false), 413);
        }
    }

    @Test
    void shouldIgnoreAnUpgradeToCleartextHttp2() throws IOException {
        // with cleartext HTTP/2 on, Vert.x itself answered a bare 400 to an Upgrade: h2c it could not perform
        try (RawHttp http = new RawHttp(root.getPort(), 10_000)) {
            http.send(RawHttp.bytes("GET /v1/categories HTTP/1.1\r\n" + HOST + "Upgrade: h2c\r\n\r\n"));
            RawHttp.Response response = http.read(false);

            assertEquals(200, response.status(), response.toString());
            assertTrue(response.header("content-type").startsWith("application/json"), response.toString());
        }
    }

    @Test
    void shouldStillServeOddButValidTargets() throws IOException {
        try (RawHttp http = new RawHttp(root.getPort(), 10_000)) {
            http.send(RawHttp.bytes("GET http://localhost/v1/categories HTTP/1.1\r\n" + HOST + "\r\n"));
            assertEquals(200, http.read(false).status());
            http.send(RawHttp.bytes("GET /../v1/categories HTTP/1.1\r\n" + HOST + "\r\n"));
            assertEquals(200, http.read(false).status());
            http.send(RawHttp.bytes("GET /.. HTTP/1.1\r\n" + HOST + "\r\n"));
            assertProblem("/..", http.read(false), 404);
            http.send(RawHttp.bytes("GET /v1/articles?q=%C0%AF HTTP/1.1\r\n" + HOST + "\r\n"));
            assertEquals(200, http.read(false).status());
        }
    }

    private static JsonNode assertProblem(String name, RawHttp.Response response, int status) throws IOException {
        assertNotNull(response, name + ": the connection ended without an answer");
        assertEquals(status, response.status(), name + ": " + response);
        assertNull(RawHttp.problemViolation(response, false), name + ": " + response);
        assertEquals("nosniff", response.header("x-content-type-options"), name + ": " + response);
        ProblemAssert.assertNoLeak(response.bodyText());
        return JSON.readTree(response.body());
    }
}
