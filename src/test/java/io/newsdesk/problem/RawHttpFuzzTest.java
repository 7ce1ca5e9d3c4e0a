package io.newsdesk.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.newsdesk.ApiTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A seeded fuzz of raw HTTP/1.x bytes: request lines (methods, targets with random percent-encodings, '..', '//',
 * huge ones, versions), headers (duplicates, obs-fold, control characters, huge ones) and bodies (JSON garbage,
 * wrong Content-Length, chunks with bad sizes), against the reads and writes, with and without the editor key.
 * Every answer is parsed as RFC 9112 frames it and must be: no 5xx, and every 4xx an application/problem+json whose
 * {@code status} is the HTTP status, with a detail.
 * <p>
 * A connection the server closes without any answer is accepted only for the requests the generator marks
 * {@link Framing#INCOMPLETE}: bytes that are no HTTP message at all (binary, control characters, a line that never
 * ends) or a message the client ends before its head, its declared Content-Length or its last chunk is complete.
 * For those the client half-closes its side, and the server, which does not keep half-closed connections, closes
 * without answering a request it never received whole. Anything else unanswered, or unanswered for 10 s, fails.
 * <p>
 * A failure prints the seed, the index and the exact bytes; {@link #generate(int)} makes the same bytes again from
 * the index alone, and {@code -Drawfuzz.index=2204,3117} runs only those indexes.
 */
@QuarkusTest
class RawHttpFuzzTest extends ApiTest {

    private static final long SEED = 20_261_127L;
    /** The category and source the fuzz may change; demo content and other tests' fixtures are left alone. */
    private static final String OWN = "rawfuzz";

    private static final int REQUESTS = 10_000;
    private static final int MAX_REPORTED = 15;

    /** What the generator knows of how the server will frame the bytes. */
    enum Framing {
        /** One message, framed as RFC 9112 says: answered once, and the connection may serve the next one. */
        EXACT,
        /** Complete as sent, but lengths, encodings or lines are mutated: answered, then a fresh connection. */
        LOOSE,
        /** Not HTTP, or ended before it is complete: the client half-closes; no answer is acceptable. */
        INCOMPLETE
    }

    /** One generated request. */
    record Case(int index, byte[] bytes, boolean head, Framing framing) {

        String describe() {
            return "seed " + SEED + ", index " + index + " (" + framing + ", " + bytes.length + " bytes): "
                    + RawHttp.printable(bytes, 3_000);
        }
    }

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldAnswerEveryRequestWithoutServerErrorAndEveryClientErrorWithAProblem() throws IOException {
        // a routed request equips the listening socket at once (see HttpCodecProblemsTest)
        given().get("/q/health/live").then().statusCode(200);
        // the fuzz writes only to these and to slugs and ids that do not exist: other tests count the demo content
        editor().body(Map.of("slug", OWN, "name", "Raw fuzz"))
                .post("/v1/categories")
                .then()
                .statusCode(anyOf(is(201), is(409)));
        editor().body(Map.of("slug", OWN, "name", "Raw fuzz", "url", "https://fuzz.example"))
                .post("/v1/sources")
                .then()
                .statusCode(anyOf(is(201), is(409)));
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        RawHttp http = null;
        List<Integer> served = new ArrayList<>();
        Map<String, Integer> answers = new TreeMap<>();
        int[] indexes = indexes();
        for (int n = 0; n < indexes.length && failures.size() < MAX_REPORTED; n++) {
            Case c = generate(indexes[n]);
            if (http != null && c.framing() != Framing.EXACT) {
                // the server may frame these bytes differently: on a connection of their own, as printed
                http.close();
                http = null;
            }
            boolean reused = http != null;
            if (http == null) {
                http = new RawHttp(root.getPort(), 10_000);
                served.clear();
            }
            Outcome outcome = exchange(http, c);
            if (outcome.unanswered() && reused) {
                // the server may have closed an idle kept-alive connection just before: once more on a fresh one
                http.close();
                http = new RawHttp(root.getPort(), 10_000);
                served.clear();
                outcome = exchange(http, c);
            }
            if (outcome.failure() != null) {
                failures.add(outcome.failure() + "\n    request: " + c.describe()
                        + (served.isEmpty() ? "" : "\n    sent on the connection that had served indexes " + served));
            }
            answers.merge(outcome.answer(), 1, Integer::sum);
            served.add(c.index());
            if (!outcome.keep()) {
                http.close();
                http = null;
            }
        }
        if (http != null) {
            http.close();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("RawHttpFuzzTest: %d requests in %d ms; answers %s%n", indexes.length, millis, answers);
        if (!failures.isEmpty()) {
            fail(failures.size() + " request(s) answered wrongly (replay one with generate(index)):\n"
                    + String.join("\n", failures));
        }
    }

    /** All indexes, or the ones -Drawfuzz.index names (to replay a failure). */
    private static int[] indexes() {
        String only = System.getProperty("rawfuzz.index", "");
        if (only.isBlank()) {
            return IntStream.range(0, REQUESTS).toArray();
        }
        return Arrays.stream(only.split(","))
                .mapToInt(index -> Integer.parseInt(index.strip()))
                .toArray();
    }

    /** {@code answer}: the status, or "none" / "timeout" / "unreadable", for the summary. */
    private record Outcome(String failure, boolean keep, boolean unanswered, String answer) {}

    private static Outcome exchange(RawHttp http, Case c) {
        http.send(c.bytes());
        if (c.framing() == Framing.INCOMPLETE) {
            http.endOutput();
        }
        RawHttp.Response response;
        try {
            response = http.read(c.head());
        } catch (SocketTimeoutException e) {
            return new Outcome("no answer within 10 s", false, false, "timeout");
        } catch (IOException e) {
            return new Outcome("an answer that is not HTTP/1.1: " + e.getMessage(), false, false, "unreadable");
        }
        if (response == null) {
            return c.framing() == Framing.INCOMPLETE
                    ? new Outcome(null, false, false, "none (incomplete)")
                    : new Outcome("the connection was closed without an answer", false, true, "none");
        }
        String failure = null;
        if (response.status() >= 500 || response.status() == 101) {
            failure = "answered " + response.status() + ": " + response;
        } else if (response.status() >= 400) {
            String violation = RawHttp.problemViolation(response, c.head());
            if (violation != null) {
                failure = "a " + response.status() + " that is no problem (" + violation + "): " + response;
            }
        }
        boolean keep = failure == null
                && c.framing() == Framing.EXACT
                && !c.head()
                && response.complete()
                && !response.closes();
        return new Outcome(failure, keep, false, Integer.toString(response.status()));
    }

    // ------------------------------------------------------------------ the generator

    private static final String[] METHODS = {
        "GET",
        "GET",
        "GET",
        "GET",
        "GET",
        "GET",
        "GET",
        "HEAD",
        "HEAD",
        "POST",
        "POST",
        "POST",
        "PUT",
        "PUT",
        "DELETE",
        "DELETE",
        "OPTIONS",
        "PATCH",
        "TRACE",
        "CONNECT",
        "get",
        "FOO",
        "M-SEARCH",
        "G3T",
        "GE(T",
        "G\u0001T",
        ""
    };
    private static final String[] IDS = {
        "1", "2", "480", "%31", "999999999", "0", "-1", "abc", "9223372036854775808", "1%00", "1.5", "", "%zz", "1;x"
    };
    /**
     * Ids no article has, nor any of their beginnings: a mutation that cuts the path short ('?', '#', ';') must not
     * turn an edit or delete into one of an article that exists.
     */
    private static final String[] WRITE_IDS = {
        "-1", "-999", "abc", "x1", "-9223372036854775809", "%zz", "", "-1;x", "abc.5", "-0"
    };

    private static final String[] SLUGS = {
        "world", "health", "pbs", OWN, "no-such-slug", "UPPER", "a--b", "%zz", "%C3%A9", "-", "x".repeat(120), "%00"
    };
    /** Slugs of no demo category or source, nor any of their beginnings (see {@link #WRITE_IDS}). */
    private static final String[] WRITE_SLUGS = {
        OWN, OWN, "no-such-slug", "UPPER", "a--b", "%zz", "%C3%A9", "-", "x".repeat(120), "%00"
    };

    private static final String[] QUERIES = {
        "",
        "?limit=5",
        "?category=world",
        "?source=pbs&limit=3",
        "?sort=oldest&limit=2",
        "?q=senate%20committee",
        "?date=2026-11-24",
        "?from=2026-11-01&to=2026-11-30",
        "?format=rss",
        "?format=atom",
        "?format=jsonfeed",
        "?format=xml",
        "?limit=0",
        "?limit=101",
        "?limit=abc",
        "?category=no-such",
        "?category=UPPER",
        "?cursor=AAAA",
        "?date=2026-02-30",
        "?sort=sideways",
        "?format=html",
        "?q=%00",
        "?q=%C0%AF",
        "?q=%E0%80%AF",
        "?q=%FF",
        "?q=%ED%A0%80",
        "?q=100%25",
        "?utm_source=x&limit=1",
        "?limit=5&limit=6",
        "?=x",
        "?&&&",
        "?q="
    };
    private static final String[] TARGET_PIECES = {
        "%",
        "%z",
        "%zz",
        "%G1",
        "%0",
        "%00",
        "%2",
        "%C0%AF",
        "%E0%80%AF",
        "%FF",
        "%C3",
        "%2e%2e/",
        "%2F",
        "..",
        "/..",
        "/../",
        "/./",
        "//",
        "\u00c3\u00a9",
        "\u00ff",
        "\u0001",
        "\u007f",
        "\t",
        "\"",
        "<",
        ">",
        "\\",
        "^",
        "`",
        "{",
        "|",
        "}",
        "[",
        "]",
        "#frag",
        " ",
        "?",
        "&",
        "=",
        ";",
        "*",
        "~",
        "'",
        "(",
        ")",
        "+",
        "$",
        "!",
        "@",
        ":"
    };
    private static final String[] VERSIONS = {
        "HTTP/1.0",
        "HTTP/1.2",
        "HTTP/2.0",
        "HTTP/9.9",
        "http/1.1",
        "HTTP/1",
        "HTTP/1.1.1",
        "FOO/1.1",
        "HTTP/1.1 ",
        "",
        "HTTP/01.1",
        "HTTP/1.10",
        "HTTP/1.1\u0000"
    };
    private static final String[] ACCEPTS = {
        "*/*",
        "application/json",
        "application/xml",
        "application/rss+xml",
        "application/atom+xml",
        "application/feed+json",
        "text/csv",
        "text/html",
        "application/*;q=0",
        ";;;",
        "application/json;q=abc",
        "text/*, */*;q=0.1",
        "application/problem+json",
        "a".repeat(3_000)
    };
    private static final String[] AUTHORIZATIONS = {
        "Bearer nope",
        "Basic dGVzdDp0ZXN0",
        "Bearer",
        "",
        "bearer " + EDITOR_KEY,
        "Bearer  " + EDITOR_KEY,
        "Bearer " + EDITOR_KEY + "x",
        "Bearer second-editor-key"
    };
    private static final String[] HOSTS = {
        "",
        "a b",
        "[::1",
        "localhost:99999",
        "localhost:-1",
        "ex ample.org",
        "\u00c3\u00a9.example",
        "localhost:8080, other",
        "[::1]:80"
    };
    private static final String[] CONTENT_TYPES = {
        "application/json",
        "application/json; charset=UTF-8",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/xml",
        "",
        ";;",
        "application/json; charset=latin-1"
    };
    private static final String[] HEADER_NAMES = {
        "X-Fuzz",
        "Accept-Language",
        "Cookie",
        "Referer",
        "User-Agent",
        "If-None-Match",
        "If-Modified-Since",
        "If-Match",
        "Range",
        "X-Forwarded-For",
        "X-Forwarded-Host",
        "Forwarded",
        "Cache-Control",
        "Pragma",
        "TE",
        "Trailer",
        "Via",
        "Max-Forwards",
        "Accept-Encoding"
    };
    private static final String[] HEADER_VALUES = {
        "*",
        "\"x\"",
        "W/\"a\", \"b\"",
        "\"unterminated",
        "0",
        "Mon, 32 Nov 2026 25:61:61 GMT",
        "Fri, 27 Nov 2026 10:00:00 GMT",
        "bytes=0-10",
        "gzip, deflate, br",
        "for=\"[::1]\";host=evil",
        "a,,,b",
        "\u00c3\u00a9t\u00c3\u00a9",
        "\u00ff\u00fe",
        "trailers",
        "-1",
        ""
    };
    private static final String[] BAD_HEADER_LINES = {
        "NoColon",
        ": empty-name",
        "X-A : space-before-colon",
        "Bad Name: x",
        "(x): y",
        "X-A: a\u0000b",
        "X-A: a\u0001b",
        "X-A: a\u001bb",
        "X-A: a\u007fb",
        "X-A: a\rb",
        "X-Fold: a\r\n  folded",
        "\r\n X-Starts-With-Space: x",
        "X-A:\u00c3\u00a9",
        "X-\u00e9: x",
        "X-A:x:y:z",
        "Content-Type: application/json\r\nContent-Type: text/plain"
    };
    private static final String[] JSON_GARBAGE = {
        "{",
        "}",
        "[]",
        "{\"slug\":",
        "null",
        "\ufeff{}",
        "{\"a\":1}{}",
        "{'slug':'x'}",
        "{\"slug\":\"x\",\"slug\":\"y\",\"name\":\"n\"}",
        "\"string\"",
        "42",
        "true",
        "{\"name\":1e999999}",
        "{\"title\":\"\u0000\"}",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
        "{\"slug\":\"\u00ff\u00fe\"}",
        "{\"publishedAt\":\"+999999999-12-31T23:59:59Z\"}",
        "{\"slug\":\"a\",\"name\":\"" + "n".repeat(5_000) + "\"}"
    };

    /** The request of one index: the same bytes for the same index, on every run. */
    static Case generate(int index) {
        Random random = new Random(SEED * 1_000_003L + index);
        int kind = random.nextInt(1_000);
        if (kind < 25) {
            return new Case(index, notHttp(random), false, Framing.INCOMPLETE);
        }
        String method = pick(random, METHODS);
        boolean write = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        String target = target(random, method);
        String version = random.nextInt(100) < 90 ? "HTTP/1.1" : pick(random, VERSIONS);
        String eol = random.nextInt(100) < 97 ? "\r\n" : random.nextBoolean() ? "\n" : "\r";
        Framing framing = eol.equals("\r\n") ? Framing.EXACT : eol.equals("\n") ? Framing.LOOSE : Framing.INCOMPLETE;
        // another version (HTTP/1.0 too: it may frame a body differently) is never kept for the next request
        if (!version.equals("HTTP/1.1")
                || target.contains(" ")
                || method.isEmpty()
                || method.contains("(")
                || method.contains("\u0001")) {
            framing = max(framing, Framing.LOOSE);
        }

        List<String> headers = new ArrayList<>();
        int host = random.nextInt(100);
        if (host < 92) {
            headers.add("Host: localhost");
        } else if (host < 95) {
            headers.add("Host: localhost");
            headers.add("Host: " + (random.nextBoolean() ? "localhost" : "other.example"));
        } else if (host < 98) {
            headers.add("Host: " + pick(random, HOSTS));
        }
        if (random.nextInt(100) < 40) {
            headers.add("Accept: " + pick(random, ACCEPTS));
        }
        int key = random.nextInt(100);
        if (key < (write || method.equals("DELETE") ? 60 : 15)) {
            headers.add("Authorization: Bearer " + EDITOR_KEY);
        } else if (key < 75) {
            headers.add("Authorization: " + pick(random, AUTHORIZATIONS));
        }
        if (random.nextInt(100) < 5) {
            headers.add("Origin: https://reader.example");
            if (method.equals("OPTIONS")) {
                headers.add("Access-Control-Request-Method: " + pick(random, METHODS));
            }
        }
        int connection = random.nextInt(100);
        if (connection < 4) {
            headers.add("Connection: close");
        } else if (connection < 6) {
            headers.add("Connection: " + pick(random, "keep-alive", "Upgrade", "x, y", "close, keep-alive"));
        }
        if (random.nextInt(100) < 2) {
            headers.add("Upgrade: " + pick(random, "websocket", "h2c", "x"));
        }
        for (int n = random.nextInt(100) < 20 ? 1 + random.nextInt(4) : 0; n > 0; n--) {
            headers.add(pick(random, HEADER_NAMES) + ": " + pick(random, HEADER_VALUES));
        }
        int oddHeaders = random.nextInt(100);
        if (oddHeaders < 8) {
            headers.add(pick(random, BAD_HEADER_LINES));
            framing = max(framing, Framing.LOOSE);
        } else if (oddHeaders < 10) {
            int size = pickInt(random, 19_000, 21_000, 40_000, 70_000);
            headers.add("X-Padding: " + "p".repeat(size));
            framing = max(framing, size > 60_000 ? Framing.LOOSE : framing);
        } else if (oddHeaders < 11) {
            for (int n = 0; n < 250; n++) {
                headers.add("X-Many-" + n + ": " + "m".repeat(100));
            }
        }

        Body body = body(random, method, write, target);
        headers.addAll(body.headers());
        framing = max(framing, body.framing());
        if (random.nextInt(100) < 3) {
            headers.add("Expect: " + (random.nextInt(4) == 0 ? "something-else" : "100-continue"));
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, method + " " + target + (version.isEmpty() ? "" : " " + version) + eol);
        for (String header : headers) {
            write(out, header.replace("\r\n", eol) + eol);
        }
        write(out, eol);
        out.writeBytes(body.bytes());
        byte[] bytes = out.toByteArray();
        if (random.nextInt(100) < 3 && bytes.length > 2) {
            // cut anywhere: whatever is left is an unfinished message
            int cut = 1 + random.nextInt(bytes.length - 1);
            bytes = Arrays.copyOf(bytes, cut);
            framing = Framing.INCOMPLETE;
        }
        return new Case(index, bytes, method.equals("HEAD"), framing);
    }

    private static String target(Random random, String method) {
        boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        String[] ids = read ? IDS : WRITE_IDS;
        String[] slugs = read ? SLUGS : WRITE_SLUGS;
        String path = switch (random.nextInt(12)) {
            case 0, 1 -> "/v1/articles";
            case 2 -> "/v1/articles/" + pick(random, ids);
            case 3 -> "/v1/articles/" + pick(random, IDS) + "/views";
            case 4 -> "/v1/categories";
            case 5 -> "/v1/categories/" + pick(random, slugs);
            case 6 -> "/v1/sources";
            case 7 -> "/v1/sources/" + pick(random, slugs);
            case 8, 9 -> "/v1/dates";
            case 10 -> pick(random, "/", "/nope", "/v1", "/v2/articles", "/q/health/live", "/v1/articles/1/nope");
            default -> "/v1/categories/" + pick(random, slugs);
        };
        // reads of whole selections only with the cheap representations (a CSV export of everything is slow on H2)
        String target = path + pick(random, QUERIES);
        int mutation = random.nextInt(100);
        if (mutation < 30) {
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                int at = random.nextInt(target.length() + 1);
                target = target.substring(0, at) + pick(random, TARGET_PIECES) + target.substring(at);
            }
        } else if (mutation < 33) {
            target = pick(
                    random,
                    "*",
                    "//",
                    "///v1/articles",
                    "v1/articles",
                    "http://localhost" + target,
                    "http://localhost",
                    "http://[::1]:x" + target,
                    "HTTP://LOCALHOST" + target,
                    "/..",
                    "/../" + target,
                    "/v1/./articles",
                    "/v1//articles",
                    "/v1/articles/",
                    "/v1/articles%2F1",
                    "/%2e%2e/v1/dates");
        } else if (mutation < 35) {
            int size = pickInt(random, 8_200, 9_000, 30_000, 66_000, 70_000);
            target = "/v1/articles?q=" + "a".repeat(size);
        } else if (mutation < 36 && !method.equals("CONNECT")) {
            target = "/v1/articles?q=" + "%41".repeat(3_000);
        }
        return target;
    }

    private record Body(byte[] bytes, List<String> headers, Framing framing) {}

    private static Body body(Random random, String method, boolean write, String target) {
        List<String> headers = new ArrayList<>();
        if (!write && random.nextInt(100) >= 3) {
            return new Body(new byte[0], headers, Framing.EXACT);
        }
        byte[] content = content(random, target);
        if (random.nextInt(100) < 90) {
            headers.add("Content-Type: " + pick(random, CONTENT_TYPES));
        }
        int framing = random.nextInt(100);
        if (framing < 60) {
            headers.add("Content-Length: " + content.length);
            return new Body(content, headers, Framing.EXACT);
        }
        if (framing < 82) {
            headers.add("Transfer-Encoding: chunked");
            return new Body(chunked(random, content), headers, Framing.EXACT);
        }
        if (framing < 85) {
            return new Body(content, headers, Framing.LOOSE);
        }
        if (framing < 88) {
            headers.add("Content-Length: " + (content.length + 1 + random.nextInt(100)));
            return new Body(content, headers, Framing.INCOMPLETE);
        }
        if (framing < 90) {
            headers.add("Content-Length: " + Math.max(0, content.length - 1 - random.nextInt(5)));
            return new Body(content, headers, Framing.LOOSE);
        }
        if (framing < 93) {
            headers.add("Content-Length: "
                    + pick(random, "abc", "-1", "1.5", "0x10", "", "5 5", "1, 2", "99999999999999999999"));
            return new Body(content, headers, Framing.LOOSE);
        }
        if (framing < 95) {
            headers.add("Content-Length: " + content.length);
            headers.add("Transfer-Encoding: chunked");
            return new Body(chunked(random, content), headers, Framing.LOOSE);
        }
        if (framing < 97) {
            headers.add("Transfer-Encoding: "
                    + pick(
                            random,
                            "gzip",
                            "identity",
                            "chunked, gzip",
                            "xchunked",
                            "chunked, chunked",
                            "gzip, chunked"));
            boolean chunked = headers.get(headers.size() - 1).endsWith(" chunked");
            return new Body(chunked ? chunked(random, content) : content, headers, Framing.LOOSE);
        }
        headers.add("Transfer-Encoding: chunked");
        return badChunks(random, content, headers);
    }

    private static byte[] content(Random random, String target) {
        int kind = random.nextInt(100);
        if (kind < 35) {
            String slug = "fuzz-" + Integer.toString(random.nextInt(1 << 30), 36);
            String json = target.startsWith("/v1/sources")
                    ? "{\"slug\":\"" + slug + "\",\"name\":\"Fuzz\",\"url\":\"https://fuzz.example\"}"
                    : target.startsWith("/v1/articles")
                            ? "{\"title\":\"Fuzz " + slug + "\",\"summary\":\"s\",\"content\":\"c\",\"category\":\""
                                    + OWN + "\",\"source\":\"" + OWN + "\",\"publishedAt\":\"2026-11-20T10:00:00Z\","
                                    + "\"originalUrl\":\"https://fuzz.example/a\",\"isSummary\":true,"
                                    + "\"hasEditorialBias\":false}"
                            : "{\"slug\":\"" + slug + "\",\"name\":\"Fuzz\"}";
            return json.getBytes(StandardCharsets.UTF_8);
        }
        if (kind < 75) {
            return pick(random, JSON_GARBAGE).getBytes(StandardCharsets.UTF_8);
        }
        if (kind < 99) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            return bytes;
        }
        // over the 1 MiB limit, declared or streamed
        return ("{\"name\":\"" + "n".repeat(1_048_600) + "\"}").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] chunked(Random random, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < content.length) {
            int size = Math.min(content.length - at, 1 + random.nextInt(content.length > 4_096 ? 65_536 : 64));
            write(out, Integer.toHexString(size) + (random.nextInt(20) == 0 ? ";ext=1" : "") + "\r\n");
            out.write(content, at, size);
            write(out, "\r\n");
            at += size;
        }
        write(out, random.nextInt(20) == 0 ? "0\r\nX-Trailer: t\r\n\r\n" : "0\r\n\r\n");
        return out.toByteArray();
    }

    /** Chunks broken one way: answered with a 400 problem, or never complete. */
    private static Body badChunks(Random random, byte[] content, List<String> headers) {
        String data = new String(content, StandardCharsets.ISO_8859_1);
        String hex = Integer.toHexString(content.length);
        return switch (random.nextInt(8)) {
            case 0 ->
                new Body(
                        RawHttp.bytes(pick(random, "zz", "-1", "0x1", " ", "fffffffffffffffffffff", "1 2") + "\r\n"
                                + data + "\r\n0\r\n\r\n"),
                        headers,
                        Framing.LOOSE);
            case 1 ->
                new Body(
                        RawHttp.bytes(hex + ";" + pick(random, ";;", "a=\"open", "\u0001", "=") + "\r\n" + data
                                + "\r\n0\r\n\r\n"),
                        headers,
                        Framing.LOOSE);
            case 2 ->
                new Body(
                        RawHttp.bytes("1\r\n" + data + "x\r\n0\r\n\r\n"),
                        headers,
                        content.length > 0 ? Framing.LOOSE : Framing.INCOMPLETE);
            case 3 ->
                new Body(
                        RawHttp.bytes(Integer.toHexString(content.length + 50) + "\r\n" + data + "\r\n0\r\n\r\n"),
                        headers,
                        Framing.INCOMPLETE);
            case 4 ->
                new Body(
                        RawHttp.bytes(hex + "\r\n" + data + "\r\n"),
                        headers,
                        content.length > 0 ? Framing.INCOMPLETE : Framing.LOOSE);
            case 5 -> new Body(RawHttp.bytes(hex + "\r\n" + data + "\r\n0\r\n"), headers, Framing.INCOMPLETE);
            case 6 ->
                new Body(RawHttp.bytes(hex + "\r\n" + data + "\r\n0\r\nBad Trailer\r\n\r\n"), headers, Framing.LOOSE);
            default -> new Body(RawHttp.bytes(hex + "\n" + data + "\n0\n\n"), headers, Framing.LOOSE);
        };
    }

    /** Bytes that are no HTTP request: binary, TLS, control characters, a line that never ends. */
    private static byte[] notHttp(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> {
                byte[] bytes = new byte[1 + random.nextInt(400)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case 1 -> new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03, 0x00};
            case 2 -> RawHttp.bytes("\r\n".repeat(1 + random.nextInt(10)));
            case 3 -> RawHttp.bytes("\u0000\u0001\u0002\u001b\u007f".repeat(1 + random.nextInt(20)));
            case 4 -> RawHttp.bytes("GET /v1/articles HTTP/1.1");
            default -> RawHttp.bytes("SSH-2.0-OpenSSH_9.6\r\n" + "x".repeat(random.nextInt(50)));
        };
    }

    private static Framing max(Framing a, Framing b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    private static int pickInt(Random random, int... values) {
        return values[random.nextInt(values.length)];
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
