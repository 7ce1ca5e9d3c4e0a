package io.newsdesk.selection;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jboss.logging.Logger;

import io.newsdesk.system.NewsdeskConfig;
import io.newsdesk.system.SharedSecrets;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Opaque, tamper-evident cursors. A token is base64url of {@code version, sort, publishedAt (epoch micros),
 * id} (version 2, for {@code sort=relevance}, adds the rank as a 4-byte float) followed by an HMAC-SHA256
 * (truncated to 12 bytes) over those bytes and the selection's fingerprint.
 * So a token only decodes for the selection and sort that produced it; an edited, truncated or foreign
 * token fails the MAC. The key is the same on every instance, so tokens survive restarts and load balancers:
 * {@code NEWSDESK_CURSOR_SECRET} when it is set (at least {@value #MIN_SECRET_LENGTH} characters), otherwise
 * 32 random bytes generated on first start and kept in the database. Read at start-up, so a bad secret stops
 * the start.
 */
@Startup
@ApplicationScoped
public class CursorCodec {

    static final int MIN_SECRET_LENGTH = 32;
    private static final Logger LOG = Logger.getLogger(CursorCodec.class);

    private static final byte VERSION = 1;
    private static final byte RANKED = 2;
    private static final int PAYLOAD = 1 + 1 + 8 + 8;
    private static final int RANKED_PAYLOAD = PAYLOAD + 4;
    private static final int MAC_BYTES = 12;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Supplier<String> stored;
    private volatile SecretKeySpec key;

    @Inject
    CursorCodec(NewsdeskConfig config, SharedSecrets secrets) {
        Optional<String> configured = config.cursor().secret().map(String::strip);
        configured.ifPresent(CursorCodec::check);
        this.key = configured.map(CursorCodec::keyOf).orElse(null);
        this.stored = () -> secrets.get("cursor");
        if (key == null) {
            try {
                key();
            } catch (RuntimeException databaseDown) {
                // the instance starts while the database is unreachable (readiness says so); the first cursor
                // after it is back reads the secret, and until then a cursor is a 503 like every other read
                LOG.warnf(
                        "The cursor secret could not be read from the database at start-up (%s); it is read"
                                + " again at the first cursor.",
                        databaseDown.getClass().getSimpleName());
            }
        }
    }

    CursorCodec(String secret) {
        this.key = keyOf(secret);
        this.stored = () -> secret;
    }

    private static void check(String secret) {
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new ConfigurationException("newsdesk.cursor.secret (env NEWSDESK_CURSOR_SECRET) has "
                    + secret.length() + " characters; it needs at least " + MIN_SECRET_LENGTH + ". Make one with:"
                    + " openssl rand -hex 32, or leave it unset to have one generated and kept in the database.");
        }
    }

    private static SecretKeySpec keyOf(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            current = keyOf(stored.get());
            key = current;
        }
        return current;
    }

    public String encode(Selection selection, Cursor cursor) {
        boolean ranked = selection.sort() == Sort.RELEVANCE;
        int payload = ranked ? RANKED_PAYLOAD : PAYLOAD;
        ByteBuffer buffer = ByteBuffer.allocate(payload + MAC_BYTES);
        buffer.put(ranked ? RANKED : VERSION)
                .put((byte) selection.sort().ordinal())
                .putLong(toMicros(cursor.publishedAt()))
                .putLong(cursor.id());
        if (ranked) {
            buffer.putFloat(cursor.rank());
        }
        buffer.put(mac(buffer.array(), payload, selection));
        return ENCODER.encodeToString(buffer.array());
    }

    /** The position, or empty when the token is not one this selection handed out. */
    Optional<Cursor> decode(String token, Selection selection) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(token);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        boolean ranked = selection.sort() == Sort.RELEVANCE;
        int payload = ranked ? RANKED_PAYLOAD : PAYLOAD;
        if (bytes.length != payload + MAC_BYTES || bytes[0] != (ranked ? RANKED : VERSION)) {
            return Optional.empty();
        }
        byte[] expected = mac(bytes, payload, selection);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, payload, bytes.length))) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 2, payload - 2);
        long micros = buffer.getLong();
        long id = buffer.getLong();
        float rank = ranked ? buffer.getFloat() : 0f;
        return id > 0 && Float.isFinite(rank)
                ? Optional.of(new Cursor(fromMicros(micros), id, rank))
                : Optional.empty();
    }

    private byte[] mac(byte[] token, int payload, Selection selection) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            mac.update(token, 0, payload);
            mac.update(selection.fingerprint().getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static long toMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    private static Instant fromMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }
}
