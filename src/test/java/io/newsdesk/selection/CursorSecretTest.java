package io.newsdesk.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.newsdesk.system.Database;
import io.newsdesk.system.NewsdeskConfig;
import io.newsdesk.system.SharedSecrets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Without {@code NEWSDESK_CURSOR_SECRET}, cursors are signed with a secret generated on first start and kept in
 * the database (so every instance and restart shares it), never with a constant anybody can read in the source.
 * A cursor is forged here with a codec of the test's own, to tell which key the running service accepts.
 */
@QuarkusTest
class CursorSecretTest extends SelectionSupport {

    /** The constant that signed every cursor of an unconfigured Newsdesk before. */
    private static final String OLD_PUBLIC_DEFAULT = "newsdesk-cursor-v1";

    @Inject
    SelectionParser selections;

    @Inject
    Database database;

    static CursorCodec codec(String secret) {
        return new CursorCodec(secret);
    }

    @Test
    void shouldRefuseAConfiguredSecretShorterThanThirtyTwoCharacters() {
        NewsdeskConfig config = new NewsdeskConfig() {
            @Override
            public ZoneId timeZone() {
                return ZoneId.of("UTC");
            }

            @Override
            public String language() {
                return "en";
            }

            @Override
            public Optional<String> publicUrl() {
                return Optional.empty();
            }

            @Override
            public Site site() {
                return Optional::empty;
            }

            @Override
            public Http http() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Cursor cursor() {
                return () -> Optional.of("short-secret");
            }
        };
        ConfigurationException refused =
                assertThrows(ConfigurationException.class, () -> new CursorCodec(config, null));
        assertTrue(refused.getMessage().contains("openssl rand -hex 32"), refused.getMessage());
    }

    /** A cursor for the second article of the category's newest-first list, signed with this secret. */
    private int pageAfterFirstWith(String secret, String category, long first, Instant firstPublished) {
        Selection selection = selections.articles(Map.of("category", List.of(category), "limit", List.of("1")));
        String token = codec(secret).encode(selection, new Cursor(firstPublished, first));
        return articles("category", category, "limit", "1", "cursor", token).statusCode();
    }

    @Test
    void shouldSignCursorsWithASecretGeneratedAndKeptInTheDatabase() {
        String category = newCategory();
        String source = newSource();
        publish(category, source, "2026-06-01T10:00:00Z");
        long newest = publish(category, source, "2026-06-02T10:00:00Z");
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) database.em()
                .createNativeQuery("select secret from shared_secret where name = 'cursor'")
                .getSingleResult());

        assertTrue(stored.length() >= 43, "32 random bytes, base64url");
        assertEquals(
                400,
                pageAfterFirstWith(OLD_PUBLIC_DEFAULT, category, newest, Instant.parse("2026-06-02T10:00:00Z")),
                "the old public constant signs nothing");
        assertEquals(
                200,
                pageAfterFirstWith(stored, category, newest, Instant.parse("2026-06-02T10:00:00Z")),
                "the stored secret is the key");
    }

    @Inject
    SharedSecrets secrets;

    @Test
    void shouldHandOutTheStoredSecretAgainInsteadOfMakingANewOne() {
        String name = "test-" + uniqueSlug("secret");
        String made = secrets.get(name);

        assertEquals(made, secrets.get(name), "a second ask (another instance, a restart) reads the same secret");
        assertTrue(!made.equals(secrets.get(name + "-other")), "every secret is random");
        long rows = QuarkusTransaction.requiringNew()
                .call(() -> ((Number) database.em()
                                .createNativeQuery("select count(*) from shared_secret where name = :name")
                                .setParameter("name", name)
                                .getSingleResult())
                        .longValue());
        assertEquals(1, rows);
    }
}
