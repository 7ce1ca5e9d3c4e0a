package io.newsdesk.caching;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * The validators of one representation: a strong ETag and a Last-Modified. The ETag is a digest of everything
 * the bytes depend on (format, request, and the database state the caller read), so equal content gives an
 * equal ETag on every instance and after every restart: no counters, no salts. {@code prefix} lets the
 * server recognise its own tags (an article's tag starts with its id and version, for If-Match).
 */
public record Validators(String etag, Instant lastModified) {

    public static Validators of(String prefix, Instant lastModified, Object... state) {
        StringBuilder text = new StringBuilder();
        for (Object part : state) {
            text.append(part).append('\u001f');
        }
        return new Validators("\"" + prefix + digest(text.toString()) + "\"", seconds(lastModified));
    }

    /**
     * Validators of a rendered representation: a digest of what it is ({@code identity}: format and request URL,
     * so that two URLs never share a tag) and of its bytes, and the given time.
     */
    public static Validators ofBytes(Instant lastModified, String identity, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(identity.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0x1f);
            return new Validators("\"" + encode(sha.digest(body)) + "\"", seconds(lastModified));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * To the second, and never in the future (RFC 9110 §8.8.2.1): an editor's read of an embargoed article would
     * otherwise name its publishedAt, and a client's If-Modified-Since would then hide every edit until then.
     */
    private static Instant seconds(Instant lastModified) {
        Instant now = Instant.now();
        return (lastModified.isAfter(now) ? now : lastModified).truncatedTo(ChronoUnit.SECONDS);
    }

    private static String encode(byte[] hash) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return encode(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
