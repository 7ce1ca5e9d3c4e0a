package io.newsdesk.caching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.aayushatharva.brotli4j.decoder.DirectDecompress;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Content codings negotiated by Accept-Encoding, seen as raw bytes (Java's HttpClient neither asks for nor decodes
 * a coding): every format decodes to exactly the identity bytes, each coding has its own strong ETag, a 304
 * answers any of them, small answers and problems are sent as they are, every read varies on Accept-Encoding, a
 * cached read is coded once, and q-values are honoured.
 */
@QuarkusTest
class CompressionTest extends CachingSupport {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A raw answer: status, headers by lower-case name, body bytes as sent. */
    record Raw(int status, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(", ", values);
        }

        List<String> vary() {
            return tokens(headers.getOrDefault("vary", List.of()));
        }
    }

    @BeforeAll
    static void brotli() {
        Brotli4jLoader.ensureAvailability();
    }

    static Raw exchange(String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Raw(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Raw raw(String path, String... headers) {
        return exchange("GET", path, headers);
    }

    static byte[] gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] unbrotli(byte[] body) {
        try {
            DirectDecompress decoded = Decoder.decompress(body);
            assertEquals(DecoderJNI.Status.DONE, decoded.getResultStatus(), "a complete Brotli stream");
            return decoded.getDecompressedData();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The identity tag with the coding's name before the closing quote. */
    static String coded(String etag, String coding) {
        return etag.substring(0, etag.length() - 1) + "-" + coding + "\"";
    }

    /** A selection whose page is well over 1 KiB in every format. */
    static String bigSelection(String format) {
        return newsroom(8).articles(format);
    }

    static void assertOk(Raw answer) {
        assertEquals(200, answer.status(), () -> new String(answer.body(), StandardCharsets.UTF_8));
        assertTrue(answer.vary().contains("accept-encoding"), "Vary names Accept-Encoding: " + answer.vary());
        String length = answer.header("Content-Length");
        if (length != null) {
            assertEquals(answer.body().length, Integer.parseInt(length), "Content-Length counts the bytes sent");
        }
    }

    @ParameterizedTest
    @FieldSource("io.newsdesk.caching.CachingSupport#FORMATS")
    void eachCodingDecodesToTheIdentityBytes(String format) {
        String url = bigSelection(format);
        Raw identity = raw(url);
        Raw gzip = raw(url, "Accept-Encoding", "gzip");
        Raw br = raw(url, "Accept-Encoding", "br");

        assertOk(identity);
        assertOk(gzip);
        assertOk(br);
        assertNull(identity.header("Content-Encoding"), "no Accept-Encoding: not coded");
        assertTrue(identity.body().length > 1024, "the fixture is above the threshold: " + identity.body().length);
        assertEquals("gzip", gzip.header("Content-Encoding"));
        assertEquals("br", br.header("Content-Encoding"));
        assertArrayEquals(identity.body(), gunzip(gzip.body()));
        assertArrayEquals(identity.body(), unbrotli(br.body()));
        assertTrue(gzip.body().length < identity.body().length / 2, "gzip: " + gzip.body().length);
        assertTrue(br.body().length < identity.body().length / 2, "br: " + br.body().length);
        assertEquals(identity.header("Content-Type"), gzip.header("Content-Type"));
        assertEquals(identity.header("Content-Type"), br.header("Content-Type"));
    }

    @ParameterizedTest
    @FieldSource("io.newsdesk.caching.CachingSupport#FORMATS")
    void eachCodingHasItsOwnStrongETag(String format) {
        String url = bigSelection(format);
        String identity = raw(url).header("ETag");
        String gzip = raw(url, "Accept-Encoding", "gzip").header("ETag");
        String br = raw(url, "Accept-Encoding", "gzip, br").header("ETag");

        assertTrue(identity.matches("\"[\\x21\\x23-\\x7e]+\""), "strong quoted ETag: " + identity);
        assertEquals(coded(identity, "gzip"), gzip);
        assertEquals(coded(identity, "br"), br);
        assertEquals(3, List.of(identity, gzip, br).stream().distinct().count());
    }

    @ParameterizedTest
    @FieldSource("io.newsdesk.caching.CachingSupport#FORMATS")
    void anyVariantsTagIsNotModified(String format) {
        String url = bigSelection(format);
        Raw full = raw(url, "Accept-Encoding", "gzip");
        String gzipTag = full.header("ETag");
        String identityTag = raw(url).header("ETag");

        Raw sameCoding = raw(url, "Accept-Encoding", "gzip", "If-None-Match", gzipTag);
        Raw identityHeld = raw(url, "Accept-Encoding", "gzip", "If-None-Match", identityTag);
        Raw gzipHeldWithoutCoding = raw(url, "If-None-Match", gzipTag);
        Raw brHeld = raw(url, "Accept-Encoding", "br", "If-None-Match", "\"x\", " + coded(identityTag, "br"));

        for (Raw notModified : List.of(sameCoding, identityHeld, gzipHeldWithoutCoding, brHeld)) {
            assertEquals(304, notModified.status());
            assertEquals(0, notModified.body().length);
            assertNull(notModified.header("Content-Encoding"));
            assertEquals(full.vary(), notModified.vary());
            assertEquals(full.header("Last-Modified"), notModified.header("Last-Modified"));
        }
        // the ETag of the variant a 200 would send when the client holds it, else of the one it holds
        assertEquals(gzipTag, sameCoding.header("ETag"));
        assertEquals(identityTag, identityHeld.header("ETag"));
        assertEquals(gzipTag, gzipHeldWithoutCoding.header("ETag"));
        assertEquals(coded(identityTag, "br"), brHeld.header("ETag"));
        assertEquals(
                200,
                raw(url, "Accept-Encoding", "gzip", "If-None-Match", coded(identityTag, "zstd"))
                        .status());
    }

    @Test
    void ifModifiedSinceAnswersWithTheTagOfTheCodingItWouldSend() {
        String url = bigSelection("rss");
        Raw full = raw(url, "Accept-Encoding", "br, gzip");
        Raw notModified = raw(url, "Accept-Encoding", "br, gzip", "If-Modified-Since", full.header("Last-Modified"));
        assertEquals(304, notModified.status());
        assertEquals(full.header("ETag"), notModified.header("ETag"));
        assertTrue(full.header("ETag").endsWith("-br\""));
    }

    @Test
    void aCachedHitSendsTheSameCodedBytesWithoutCodingAgain() {
        String url = bigSelection("atom");
        double before = Metrics.sample(Metrics.text(), "newsdesk_compression_encoded_total", "coding=\"gzip\"");
        Raw first = raw(url, "Accept-Encoding", "gzip");
        double afterFirst = Metrics.sample(Metrics.text(), "newsdesk_compression_encoded_total", "coding=\"gzip\"");
        Raw second = raw(url, "Accept-Encoding", "gzip");
        Raw third = raw(url, "Accept-Encoding", "gzip;q=0.9, deflate");
        double afterMore = Metrics.sample(Metrics.text(), "newsdesk_compression_encoded_total", "coding=\"gzip\"");

        assertEquals("gzip", first.header("Content-Encoding"));
        assertArrayEquals(first.body(), second.body());
        assertArrayEquals(first.body(), third.body());
        assertEquals(first.header("ETag"), third.header("ETag"));
        assertEquals(1, afterFirst - before, "the first request codes the page");
        assertEquals(0, afterMore - afterFirst, "hits send the kept bytes");
    }

    @Test
    void smallAnswersAndProblemsAreNotCoded() {
        String empty = "/v1/articles?category=" + newCategory();
        Raw emptyList = raw(empty, "Accept-Encoding", "gzip, br");
        assertOk(emptyList);
        assertNull(emptyList.header("Content-Encoding"));
        assertTrue(emptyList.body().length < 1024);
        assertFalse(emptyList.header("ETag").endsWith("-gzip\"")
                || emptyList.header("ETag").endsWith("-br\""));
        assertEquals(raw(empty).header("ETag"), emptyList.header("ETag"));

        Raw problem = raw("/v1/categories/" + uniqueSlug("missing"), "Accept-Encoding", "gzip, br");
        assertEquals(404, problem.status());
        assertTrue(problem.header("Content-Type").startsWith("application/problem+json"));
        assertNull(problem.header("Content-Encoding"));
        assertTrue(new String(problem.body(), StandardCharsets.UTF_8).contains("\"status\":404"));
    }

    @Test
    void qValuesAreHonoured() {
        String url = bigSelection("json");
        assertEquals("br", raw(url, "Accept-Encoding", "gzip, br").header("Content-Encoding"));
        assertEquals("br", raw(url, "Accept-Encoding", "*").header("Content-Encoding"));
        assertEquals("gzip", raw(url, "Accept-Encoding", "br;q=0.5, gzip").header("Content-Encoding"));
        assertEquals("gzip", raw(url, "Accept-Encoding", "br;q=0, *").header("Content-Encoding"));
        assertEquals("gzip", raw(url, "Accept-Encoding", "x-gzip").header("Content-Encoding"));
        assertEquals("gzip", raw(url, "Accept-Encoding", "GZIP;Q=1").header("Content-Encoding"));
        assertNull(raw(url, "Accept-Encoding", "gzip;q=0").header("Content-Encoding"));
        assertNull(raw(url, "Accept-Encoding", "gzip;q=0.5, identity").header("Content-Encoding"));
        assertNull(raw(url, "Accept-Encoding", "").header("Content-Encoding"), "empty: identity only");
        assertNull(raw(url, "Accept-Encoding", "deflate, zstd").header("Content-Encoding"));
        assertNull(raw(url, "Accept-Encoding", "gzip;q=high").header("Content-Encoding"), "unreadable: ignored");
    }

    @Test
    void refusingIdentityCodesEvenASmallAnswer() {
        String empty = "/v1/articles?category=" + newCategory();
        Raw answer = raw(empty, "Accept-Encoding", "gzip, identity;q=0");
        assertOk(answer);
        assertEquals("gzip", answer.header("Content-Encoding"));
        assertArrayEquals(raw(empty).body(), gunzip(answer.body()));
    }

    @Test
    void refusingEveryCodingIsNotAcceptable() throws IOException {
        String url = bigSelection("json");
        for (String refusal : List.of("identity;q=0", "*;q=0", "deflate, identity;q=0", "gzip;q=0, br;q=0, *;q=0")) {
            Raw answer = raw(url, "Accept-Encoding", refusal);
            assertEquals(406, answer.status(), refusal);
            assertTrue(answer.header("Content-Type").startsWith("application/problem+json"));
            String detail =
                    new ObjectMapper().readTree(answer.body()).get("detail").asText();
            assertTrue(detail.contains("br, gzip, identity"), detail);
        }
    }

    @Test
    void headSendsTheHeadersOfGetWithoutABody() {
        String url = bigSelection("rss");
        Raw get = raw(url, "Accept-Encoding", "gzip");
        Raw head = exchange("HEAD", url, "Accept-Encoding", "gzip");
        assertEquals(200, head.status());
        assertEquals(0, head.body().length);
        assertEquals("gzip", head.header("Content-Encoding"));
        assertEquals(get.header("ETag"), head.header("ETag"));
        assertEquals(get.vary(), head.vary());
    }

    @Test
    void theCsvExportIsCodedAsItStreams() {
        String url = bigSelection("csv");
        Raw identity = raw(url);
        Raw gzip = raw(url, "Accept-Encoding", "gzip");
        Raw br = raw(url, "Accept-Encoding", "br");
        assertArrayEquals(identity.body(), gunzip(gzip.body()));
        assertArrayEquals(identity.body(), unbrotli(br.body()));
        assertEquals(coded(identity.header("ETag"), "gzip"), gzip.header("ETag"));
        assertEquals(identity.header("Content-Disposition"), br.header("Content-Disposition"));
        Raw notModified = raw(url, "Accept-Encoding", "br", "If-None-Match", gzip.header("ETag"));
        assertEquals(304, notModified.status());
    }

    @Test
    void anEditorsIfMatchAcceptsACodedTag() {
        String category = newCategory();
        Map<String, Object> body = article(category, newSource(), "2026-03-01T10:00:00Z");
        char[] words = new char[3000];
        Arrays.fill(words, 'a');
        body.put("content", "Long text " + new String(words).replace("aaaaa", "word "));
        long id = newArticle(body);
        Raw read = raw("/v1/articles/" + id, "Accept-Encoding", "gzip");
        assertEquals("gzip", read.header("Content-Encoding"));

        assertEquals(200, retitle(id, read.header("ETag")).statusCode());
        assertEquals(412, retitle(id, read.header("ETag")).statusCode(), "stale once the article changed");
    }

    @Test
    void deltasAnswerAReaderThatHoldsACodedTag() {
        Newsroom newsroom = newsroom(8);
        String url = newsroom.articles("rss");
        Raw held = raw(url, "Accept-Encoding", "gzip");
        newsroom.publish("2026-03-09T23:00:00Z");

        Raw delta = raw(url, "Accept-Encoding", "gzip", "A-IM", "feed", "If-None-Match", held.header("ETag"));
        assertEquals(226, delta.status());
        assertEquals(held.header("ETag"), delta.header("Delta-Base"));
        byte[] document = "gzip".equals(delta.header("Content-Encoding")) ? gunzip(delta.body()) : delta.body();
        assertEquals(1, Titles.of("rss", document).size(), "only the new item");
        Raw current = raw(url, "Accept-Encoding", "gzip");
        assertEquals(current.header("ETag"), delta.header("ETag"));
        assertNotEquals(held.header("ETag"), delta.header("ETag"));
        assertTrue(delta.vary().contains("accept-encoding"));
    }
}
