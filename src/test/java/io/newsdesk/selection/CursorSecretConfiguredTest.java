package io.newsdesk.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** A configured {@code NEWSDESK_CURSOR_SECRET} wins over the one kept in the database. */
@QuarkusTest
@TestProfile(CursorSecretConfiguredTest.Configured.class)
class CursorSecretConfiguredTest extends SelectionSupport {

    static final String CONFIGURED = "configured-cursor-secret-0123456789abcdef";

    public static class Configured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsdesk.cursor.secret", CONFIGURED);
        }
    }

    @Inject
    SelectionParser selections;

    @Inject
    io.newsdesk.system.SharedSecrets secrets;

    @Test
    void shouldSignCursorsWithTheConfiguredSecret() {
        String stored = secrets.get("cursor"); // there is one in the database, and it is not the key
        String category = newCategory();
        String source = newSource();
        publish(category, source, "2026-06-01T10:00:00Z");
        long newest = publish(category, source, "2026-06-02T10:00:00Z");
        Selection selection = selections.articles(Map.of("category", List.of(category), "limit", List.of("1")));
        Cursor after = new Cursor(Instant.parse("2026-06-02T10:00:00Z"), newest);

        String configured = CursorSecretTest.codec(CONFIGURED).encode(selection, after);
        assertEquals(
                200,
                articles("category", category, "limit", "1", "cursor", configured)
                        .statusCode());
        String storedToken = CursorSecretTest.codec(stored).encode(selection, after);
        assertEquals(
                400,
                articles("category", category, "limit", "1", "cursor", storedToken)
                        .statusCode());
    }
}
