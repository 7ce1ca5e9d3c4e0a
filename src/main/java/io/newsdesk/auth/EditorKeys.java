package io.newsdesk.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The configured editor keys, kept only as SHA-256 digests and compared in constant time, so neither the
 * key material nor the time a comparison takes tells a caller how close a guess was. Checked at start-up: a
 * key shorter than {@value #MIN_LENGTH} characters, or with characters a header cannot carry, stops the start
 * with a message that says how to make a good one. With that much entropy guessing is hopeless, which is why
 * a right key is never throttled.
 */
@Startup
@ApplicationScoped
class EditorKeys {

    static final int MIN_LENGTH = 32;
    /** A random hex key of 32 characters has 16 different ones but with a chance of about 1e-9 of fewer than 10. */
    static final int MIN_DISTINCT = 8;

    private final List<byte[]> digests;

    @Inject
    EditorKeys(AuthConfig config) {
        this(config.editorKeys().orElse(List.of()));
    }

    EditorKeys(List<String> keys) {
        List<byte[]> accepted = new ArrayList<>();
        int position = 0;
        for (String raw : keys) {
            position++;
            String key = raw.strip();
            if (!key.isEmpty()) {
                check(key, position);
                accepted.add(digest(key));
            }
        }
        this.digests = List.copyOf(accepted);
    }

    boolean accepts(String key) {
        byte[] candidate = digest(key);
        boolean match = false;
        for (byte[] digest : digests) {
            match |= MessageDigest.isEqual(digest, candidate);
        }
        return match;
    }

    /** Never names the key itself: the message ends up in logs. */
    private static void check(String key, int position) {
        String which = "Editor key " + position + " of newsdesk.auth.editor-keys (env NEWSDESK_AUTH_EDITOR_KEYS)";
        if (key.length() < MIN_LENGTH) {
            throw new ConfigurationException(
                    which + " has " + key.length() + " characters; an editor key needs" + " at least " + MIN_LENGTH
                            + " so that it cannot be guessed. " + "Make one with: openssl rand -hex 32.");
        }
        if (key.chars().distinct().count() < MIN_DISTINCT) {
            throw new ConfigurationException(which + " repeats too few characters to be random (fewer than "
                    + MIN_DISTINCT + " different ones). Make one with: openssl rand -hex 32.");
        }
        if (!key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ConfigurationException(which + " has a character other than visible ASCII, which an"
                    + " Authorization header cannot carry reliably. " + "Make one with: openssl rand -hex 32.");
        }
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
