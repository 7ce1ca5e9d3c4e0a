package io.newsdesk.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The configured editor keys, kept only as SHA-256 digests and compared in constant time, so neither the
 * key material nor the time a comparison takes tells a caller how close a guess was.
 */
@ApplicationScoped
class EditorKeys {

    private final List<byte[]> digests;

    EditorKeys(AuthConfig config) {
        this.digests = config.editorKeys().orElse(List.of()).stream()
                .map(String::strip).filter(key -> !key.isEmpty()).map(EditorKeys::digest).toList();
    }

    boolean accepts(String key) {
        byte[] candidate = digest(key);
        boolean match = false;
        for (byte[] digest : digests) {
            match |= MessageDigest.isEqual(digest, candidate);
        }
        return match;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
