package io.newsdesk.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which keys {@link EditorKeys} accepts, and that it keeps only fixed-length digests to compare. */
class EditorKeysTest {

    private static final String KEY = "s3cret-editor-key-0123456789";
    private static final String OTHER = "another-key";

    private static EditorKeys keys(String... configured) {
        return new EditorKeys(new AuthConfig() {
            @Override
            public Optional<List<String>> editorKeys() {
                return configured.length == 0 ? Optional.empty() : Optional.of(List.of(configured));
            }

            @Override
            public int maxFailures() {
                return 10;
            }

            @Override
            public Duration failureWindow() {
                return Duration.ofMinutes(1);
            }

            @Override
            public int maxTrackedClients() {
                return 10;
            }
        });
    }

    @Test
    void shouldAcceptEachConfiguredKeyExactly() {
        EditorKeys keys = keys(KEY, " " + OTHER + " ");

        assertTrue(keys.accepts(KEY));
        assertTrue(keys.accepts(OTHER), "configured keys are stripped");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "s", "s3cret", "s3cret-editor-key-012345678", "s3cret-editor-key-0123456789x",
            "s3cret-editor-key-01234567890123456789", "x3cret-editor-key-0123456789", "S3CRET-EDITOR-KEY-0123456789",
            "s3cret-editor-key-0123456788", "s3cret-editor-key-0123456789\u0000", "another-key,s3cret-editor-key-0123456789",
            "s3cret-editor-key-0123456789 another-key", "another-ke", "another-key-" })
    void shouldRefuseKeysThatSharePrefixesDifferInLengthOrInOneCharacter(String candidate) {
        assertFalse(keys(KEY, OTHER).accepts(candidate), candidate);
    }

    @Test
    void shouldRefuseEverythingWhenNoKeyIsConfigured() {
        for (EditorKeys keys : List.of(keys(), keys(""), keys(" ", ""))) {
            assertFalse(keys.accepts(""));
            assertFalse(keys.accepts(" "));
            assertFalse(keys.accepts(KEY));
        }
    }

    /**
     * The comparison is MessageDigest.isEqual over SHA-256 digests: every stored value and every candidate is 32
     * bytes, so the time taken depends neither on the key's length nor on how long a prefix a guess shares, and
     * the key itself is not kept in memory.
     */
    @Test
    void shouldKeepOnlyThirtyTwoByteDigestsOfTheKeys() throws ReflectiveOperationException {
        EditorKeys keys = keys("k", KEY, "x".repeat(5_000));

        for (Field field : EditorKeys.class.getDeclaredFields()) {
            field.setAccessible(true);
            Object value = field.get(keys);
            assertFalse(value instanceof String, field.getName() + " keeps text");
            if (value instanceof List<?> list) {
                assertEquals(3, list.size());
                for (Object digest : list) {
                    byte[] bytes = (byte[]) digest;
                    assertEquals(32, bytes.length);
                }
            }
        }
        assertTrue(keys.accepts("x".repeat(5_000)));
        assertFalse(keys.accepts("x".repeat(4_999)));
    }
}
