package io.newsdesk.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.runtime.configuration.ConfigurationException;

/** Which keys {@link EditorKeys} accepts, and that it keeps only fixed-length digests to compare. */
class EditorKeysTest {

    private static final String KEY = "s3cret-editor-key-0123456789abcdef";
    private static final String OTHER = "another-key-0123456789abcdefghijk";

    private static EditorKeys keys(String... configured) {
        return new EditorKeys(List.of(configured));
    }

    @Test
    void shouldAcceptEachConfiguredKeyExactly() {
        EditorKeys keys = keys(KEY, " " + OTHER + " ");

        assertTrue(keys.accepts(KEY));
        assertTrue(keys.accepts(OTHER), "configured keys are stripped");
    }

    static Stream<String> nearMisses() {
        return Stream.of(
                "",
                " ",
                "s",
                "s3cret",
                KEY.substring(0, KEY.length() - 1),
                KEY + "x",
                KEY + "0123456789",
                "x" + KEY.substring(1),
                KEY.toUpperCase(),
                KEY.substring(0, KEY.length() - 1) + "e",
                KEY + "\u0000",
                OTHER + "," + KEY,
                KEY + " " + OTHER,
                OTHER.substring(0, OTHER.length() - 1),
                OTHER + "-");
    }

    @ParameterizedTest
    @MethodSource("nearMisses")
    void shouldRefuseKeysThatSharePrefixesDifferInLengthOrInOneCharacter(String candidate) {
        assertFalse(keys(KEY, OTHER).accepts(candidate), candidate);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zq", "change-me", "0123456789abcdef0123456789abcde"})
    void shouldRefuseToStartWithAKeyShorterThanThirtyTwoCharactersAndSayHowToMakeOne(String shortKey) {
        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> keys(KEY, shortKey));

        assertTrue(refused.getMessage().contains("Editor key 2 of newsdesk.auth.editor-keys"), refused.getMessage());
        assertTrue(refused.getMessage().contains("at least 32"), refused.getMessage());
        assertTrue(refused.getMessage().contains("openssl rand -hex 32"), refused.getMessage());
        assertFalse(refused.getMessage().contains(shortKey), "the message never names the key");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "abababababababababababababababababab",
                "passwordpasswordpasswordpassword"
            })
    void shouldRefuseToStartWithAKeyOfTooFewDifferentCharacters(String weak) {
        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> keys(weak));
        assertTrue(refused.getMessage().contains("too few characters"), refused.getMessage());
    }

    @Test
    void shouldRefuseToStartWithAKeyAHeaderCannotCarry() {
        String key = "s3cret-editor-key-0123456789abcdéf";

        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> keys(key));
        assertTrue(refused.getMessage().contains("visible ASCII"), refused.getMessage());
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
        String longKey = "0123456789abcdef".repeat(300);
        EditorKeys keys = keys("k0123456789".repeat(3), KEY, longKey);

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
        assertTrue(keys.accepts(longKey));
        assertFalse(keys.accepts(longKey.substring(1)));
    }
}
