package io.newsdesk.caching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/**
 * "The same content yields the same ETag after a restart and on every instance": an ETag is a pure function of
 * the values an instance reads from the shared database plus the request, with no counter, salt, clock or
 * identity hash in it. A test inside one JVM cannot restart against the same data (the H2 test database lives
 * as long as the JVM, the PostgreSQL test profile cleans the database at every start), so this class pins the
 * function instead: the expected tags below were computed once, outside any running application, from the
 * documented inputs (SHA-256 of the parts joined by U+001F, base64url, 22 characters); any instance, any JVM,
 * any day must produce exactly them. The end-to-end proof, two starts and two instances on one PostgreSQL
 * database, is {@code src/bench/etag-restart.sh}.
 */
class ValidatorsDeterminismTest {

    static final Instant UPDATED = Instant.parse("2026-11-24T09:30:00.123456Z");
    static final Instant SHARED = Instant.parse("2026-11-20T08:00:00Z");
    static final URI FEED = URI.create("https://news.example/v1/articles?category=politics&format=rss");

    private static Validators feed() {
        return Validators.of("", UPDATED, "rss", FEED, UPDATED, 42L, 7L, SHARED);
    }

    @Test
    void aSelectionTagIsAFixedFunctionOfItsInputs() {
        assertEquals(new Validators("\"Fp2UDPQ8h8D2dBqp22a_Ge\"", Instant.parse("2026-11-24T09:30:00Z")), feed());
    }

    @Test
    void anArticleTagStartsWithItsIdAndVersionAndIsFixedToo() {
        Validators article = Validators.of(
                "42.3.",
                UPDATED,
                "json",
                URI.create("https://news.example/v1/articles/42"),
                UPDATED,
                7L,
                SHARED,
                SHARED);
        assertEquals("\"42.3.1rb16UtAO0Apa5Rixh_jQG\"", article.etag());
    }

    @Test
    void theTagIsTheDocumentedDigest() throws Exception {
        String text = String.join("\u001f", "rss", FEED.toString(), UPDATED.toString(), "42", "7", SHARED.toString())
                + "\u001f";
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        String expected =
                Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
        assertEquals("\"" + expected + "\"", feed().etag());
    }

    @Test
    void equalInputsGiveEqualTagsWhateverObjectsCarryThem() {
        // values read by another instance are other objects: only their values may matter
        Validators again = Validators.of(
                "",
                Instant.parse(UPDATED.toString()),
                new String("rss"),
                URI.create(FEED.toString()),
                Instant.ofEpochSecond(UPDATED.getEpochSecond(), UPDATED.getNano()),
                Long.valueOf(42),
                Long.valueOf(7),
                Instant.parse(SHARED.toString()));
        assertEquals(feed(), again);
    }

    @Test
    void everyInputChangesTheTag() {
        String tag = feed().etag();
        assertNotEquals(
                tag,
                Validators.of("", UPDATED, "atom", FEED, UPDATED, 42L, 7L, SHARED)
                        .etag());
        assertNotEquals(
                tag,
                Validators.of("", UPDATED, "rss", URI.create(FEED + "&limit=5"), UPDATED, 42L, 7L, SHARED)
                        .etag());
        assertNotEquals(
                tag,
                Validators.of("", UPDATED, "rss", FEED, UPDATED.plusNanos(1000), 42L, 7L, SHARED)
                        .etag());
        assertNotEquals(
                tag,
                Validators.of("", UPDATED, "rss", FEED, UPDATED, 41L, 7L, SHARED)
                        .etag());
        assertNotEquals(
                tag,
                Validators.of("", UPDATED, "rss", FEED, UPDATED, 42L, 8L, SHARED)
                        .etag());
        assertNotEquals(
                tag,
                Validators.of("", UPDATED, "rss", FEED, UPDATED, 42L, 7L, SHARED.plusSeconds(1))
                        .etag());
        assertNotEquals(
                tag,
                Validators.of("", UPDATED, "rss", FEED, UPDATED, 7L, 42L, SHARED)
                        .etag(),
                "order counts");
    }

    @Test
    void theTagIsStrongQuotedAndMadeOfTagCharacters() {
        String tag = feed().etag();
        assertTrue(tag.matches("\"[A-Za-z0-9_-]{22}\""), tag);
    }

    @Test
    void lastModifiedHasTheSecondPrecisionOfAnHttpDate() {
        assertEquals(Instant.parse("2026-11-24T09:30:00Z"), feed().lastModified());
    }
}
