package io.newsdesk.caching;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.jboss.logging.Logger;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.BrotliOutputStream;
import com.aayushatharva.brotli4j.encoder.Encoder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsdesk.format.StreamCoding;
import io.newsdesk.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Content codings of reads, negotiated by Accept-Encoding ({@link AcceptEncoding}): Brotli (brotli4j, the encoder
 * Netty uses) and gzip (the JDK's deflater). Representations below {@code newsdesk.compression.min-bytes} are sent
 * as they are unless the client refuses identity; a request that accepts nothing Newsdesk can send, identity
 * included, is a 406. The render cache keeps each coding's bytes once made ({@link RenderCache#encoded}), so a
 * cached read costs no compression; a streamed export is coded as it is written ({@link #streaming}).
 * {@code newsdesk_compression_encoded_total{coding}} counts the representations coded whole, and
 * {@code newsdesk_compression_encoded_bytes_total{coding}} the bytes they were coded to.
 *
 * <p>This is the only compression: Quarkus' own ({@code quarkus.http.enable-compression}) stays off, since it
 * would code answers behind the validators' back (an identity ETag on gzip bytes) and know nothing of the cache.
 */
@ApplicationScoped
public class Compression {

    private static final Logger LOG = Logger.getLogger(Compression.class);
    static final String ACCEPT_ENCODING = HttpHeaders.ACCEPT_ENCODING;
    /** Brotli's window for streams (2^18 bytes): bounds the memory of each export being coded. */
    private static final int STREAM_WINDOW = 18;

    private static final int BUFFER = 8192;

    private final boolean enabled;
    private final int minBytes;
    private final int gzipLevel;
    private final boolean brotli;
    private final Encoder.Parameters brotliWhole;
    private final Encoder.Parameters brotliStream;
    private final Map<Coding, Counter> encoded = new EnumMap<>(Coding.class);
    private final Map<Coding, Counter> encodedBytes = new EnumMap<>(Coding.class);

    Compression(CompressionConfig config, MeterRegistry registry) {
        this.enabled = config.enabled();
        this.minBytes = config.minBytes();
        this.gzipLevel = config.gzipLevel();
        this.brotli = enabled && brotliLoads();
        this.brotliWhole =
                new Encoder.Parameters().setQuality(config.brotliQuality()).setMode(Encoder.Mode.TEXT);
        this.brotliStream = new Encoder.Parameters()
                .setQuality(config.brotliQuality())
                .setWindow(STREAM_WINDOW)
                .setMode(Encoder.Mode.TEXT);
        for (Coding coding : new Coding[] {Coding.BR, Coding.GZIP}) {
            encoded.put(
                    coding,
                    Counter.builder("newsdesk.compression.encoded")
                            .description("Representations coded whole (each render-cache entry once per coding)")
                            .tag("coding", coding.token())
                            .register(registry));
            encodedBytes.put(
                    coding,
                    Counter.builder("newsdesk.compression.encoded.bytes")
                            .description("Bytes of the representations coded whole, after coding")
                            .tag("coding", coding.token())
                            .register(registry));
        }
    }

    private static boolean brotliLoads() {
        if (Brotli4jLoader.isAvailable()) {
            return true;
        }
        LOG.warnf(
                "Brotli is not available on this platform (%s): reads are offered gzip and identity only",
                Brotli4jLoader.getUnavailabilityCause());
        return false;
    }

    /** 406 before any database work when a read's request accepts no coding Newsdesk can send, identity included. */
    public void check(String acceptEncoding) {
        choose(acceptEncoding, Long.MAX_VALUE);
    }

    /** The {@code Vary} of an answer that may be coded: {@code vary} and, while compression is on, Accept-Encoding. */
    String vary(String vary) {
        return enabled ? vary + ", " + ACCEPT_ENCODING : vary;
    }

    /**
     * The coding of a representation of {@code length} bytes ({@link Long#MAX_VALUE}: not known yet, a stream) for
     * this Accept-Encoding.
     */
    Coding choose(String acceptEncoding, long length) {
        if (!enabled) {
            return Coding.IDENTITY;
        }
        AcceptEncoding accepted = AcceptEncoding.parse(acceptEncoding);
        if (length < minBytes && accepted.identity() > 0) {
            return Coding.IDENTITY;
        }
        Coding best = accepted.best(brotli);
        if (best == null) {
            throw ProblemException.notAcceptableEncoding(
                    acceptEncoding, brotli ? "br, gzip, identity" : "gzip, identity");
        }
        return best;
    }

    /** The bytes of a representation in this coding. */
    byte[] encode(Coding coding, byte[] body) {
        if (coding == Coding.IDENTITY) {
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (OutputStream coder = coder(coding, out, brotliWhole)) {
            coder.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        encoded.get(coding).increment();
        encodedBytes.get(coding).increment(out.size());
        return out.toByteArray();
    }

    /** How a streamed representation's bytes are coded as they are written. */
    StreamCoding streaming(Coding coding) {
        if (coding == Coding.IDENTITY) {
            return StreamCoding.IDENTITY;
        }
        return new StreamCoding() {
            @Override
            public OutputStream wrap(OutputStream out) throws IOException {
                return new CodingStream(out, gate -> coder(coding, gate, brotliStream));
            }

            @Override
            public void abandon(OutputStream wrapped) {
                ((CodingStream) wrapped).abandon();
            }
        };
    }

    private OutputStream coder(Coding coding, OutputStream out, Encoder.Parameters brotliParameters)
            throws IOException {
        if (coding == Coding.BR) {
            return new BrotliOutputStream(out, brotliParameters, BUFFER);
        }
        return new LeveledGzip(out, gzipLevel);
    }

    /** gzip at a chosen level; flush is a sync flush, so what was written so far can be decoded at once. */
    private static final class LeveledGzip extends GZIPOutputStream {

        LeveledGzip(OutputStream out, int level) throws IOException {
            super(out, BUFFER, true);
            def.setLevel(level);
        }
    }
}
