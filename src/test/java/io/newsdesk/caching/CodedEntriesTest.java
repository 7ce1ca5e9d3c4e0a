package io.newsdesk.caching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import com.aayushatharva.brotli4j.decoder.Decoder;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsdesk.format.Rendered;
import io.newsdesk.format.StreamCoding;
import jakarta.ws.rs.core.MediaType;

/**
 * Render-cache entries keep each coding's bytes once made and count them in the byte bound; streamed coding
 * flushes what it has at each flush and frees its coder without ending the response after a failure. No Quarkus
 * start: the classes themselves.
 */
class CodedEntriesTest {

    private static final byte[] PAGE = ("<rss>" + "<item><title>Council approves budget</title></item>".repeat(400)
                    + "</rss>")
            .getBytes(StandardCharsets.UTF_8);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Compression compression = new Compression(settings(true), registry);
    private final RenderCache cache = new RenderCache(cacheOf(1 << 20), registry);

    /**
     * A configuration mapping with these values, as a proxy (an implementing class would inherit the mapping's
     * validation annotations, which Quarkus refuses on a class in the test index).
     */
    static <T> T mapping(Class<T> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(
                type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> values.get(method.getName())));
    }

    static CompressionConfig settings(boolean enabled) {
        return mapping(
                CompressionConfig.class,
                Map.of("enabled", enabled, "minBytes", 1024, "gzipLevel", 6, "brotliQuality", 6));
    }

    static CachingConfig cacheOf(long maxBytes) {
        return mapping(
                CachingConfig.class,
                Map.of("renderCacheMaxBytes", maxBytes, "feedVersions", 0, "feedVersionIdle", Duration.ofHours(1)));
    }

    private RenderCache.Entry cached(String key) {
        RenderCache.Entry entry = new RenderCache.Entry(
                1,
                new Validators("\"abc\"", Instant.EPOCH),
                new Rendered(PAGE, MediaType.APPLICATION_XML_TYPE, Map.of()));
        cache.put(key, entry);
        return cache.get(key, 1);
    }

    private double encodedTotal(String coding) {
        return registry.get("newsdesk.compression.encoded")
                .tag("coding", coding)
                .counter()
                .count();
    }

    @Test
    void eachCodingIsMadeOnceAndCountedInTheByteBound() throws IOException {
        String key = "rss http://localhost/v1/articles?format=rss";
        RenderCache.Entry entry = cached(key);
        long identityOnly = cache.bytes();

        byte[] gzip = cache.encoded(key, entry, Coding.GZIP, compression);
        assertEquals(identityOnly + gzip.length, cache.bytes(), "coded bytes count in the bound");
        byte[] again = cache.encoded(key, entry, Coding.GZIP, compression);
        byte[] br = cache.encoded(key, entry, Coding.BR, compression);

        assertSame(gzip, again, "the kept bytes, not coded again");
        assertEquals(1, encodedTotal("gzip"));
        assertEquals(1, encodedTotal("br"));
        assertEquals(identityOnly + gzip.length + br.length, cache.bytes());
        assertSame(PAGE, cache.encoded(key, entry, Coding.IDENTITY, compression));
        assertArrayEquals(PAGE, new GZIPInputStream(new ByteArrayInputStream(gzip)).readAllBytes());
        assertArrayEquals(PAGE, Decoder.decompress(br).getDecompressedData());
        assertTrue(gzip.length < PAGE.length / 10, "gzip " + gzip.length + " of " + PAGE.length);
    }

    @Test
    void theCodingFollowsTheSizeAndTheWeights() {
        assertEquals(Coding.IDENTITY, compression.choose("gzip, br", 1023));
        assertEquals(Coding.BR, compression.choose("gzip, br", 1024));
        assertEquals(Coding.GZIP, compression.choose("gzip, identity;q=0", 10));
        assertEquals(Coding.IDENTITY, compression.choose(null, 1 << 20));
        assertEquals(Coding.IDENTITY, new Compression(settings(false), registry).choose("gzip, br", 1 << 20));
        assertEquals(Coding.IDENTITY, new Compression(settings(false), registry).choose("identity;q=0", 1 << 20));
    }

    @Test
    void aStreamIsDecodableAtEveryFlushAndComplete() throws IOException {
        for (Coding coding : new Coding[] {Coding.GZIP, Coding.BR}) {
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            StreamCoding streaming = compression.streaming(coding);
            OutputStream out = streaming.wrap(sent);
            out.write(PAGE, 0, 5000);
            out.flush();
            int afterFlush = sent.size();
            assertTrue(afterFlush > 0, coding + ": a flush sends what was written");
            out.write(PAGE, 5000, PAGE.length - 5000);
            out.close();
            byte[] decoded = coding == Coding.GZIP
                    ? new GZIPInputStream(new ByteArrayInputStream(sent.toByteArray())).readAllBytes()
                    : Decoder.decompress(sent.toByteArray()).getDecompressedData();
            assertArrayEquals(PAGE, decoded, coding.token());
        }
    }

    @Test
    void anAbandonedStreamSendsNothingMoreAndStaysOpen() throws IOException {
        for (Coding coding : new Coding[] {Coding.GZIP, Coding.BR}) {
            boolean[] closed = {false};
            ByteArrayOutputStream sent = new ByteArrayOutputStream() {
                @Override
                public void close() {
                    closed[0] = true;
                }
            };
            StreamCoding streaming = compression.streaming(coding);
            OutputStream out = streaming.wrap(sent);
            out.write(PAGE, 0, 3000);
            out.flush();
            int before = sent.size();
            out.write(PAGE, 3000, 3000);
            streaming.abandon(out);
            assertEquals(before, sent.size(), coding + ": no trailer after a failure");
            assertTrue(!closed[0], coding + ": the response is left for the caller to cut");
        }
    }
}
