package io.newsdesk.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

import org.hibernate.exception.ConstraintViolationException;

import io.newsdesk.caching.ContentChanges;
import io.newsdesk.system.BodyLimits;
import io.newsdesk.system.Database;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.Tuple;

/**
 * The table of {@code Idempotency-Key}s, shared by every instance, with the database's clock. A request first
 * claims its key: an insert under the primary key, committed at once, so that of two concurrent requests exactly
 * one holds it, with a random token that proves which. The write it carries out marks the claim committed
 * <em>inside the write's own transaction</em> ({@link #committing}), so "the write happened" and "the claim says
 * so" commit together; then the answer is stored in the claim. A committed claim is never given up nor taken
 * over: whatever fails after the commit, a retry never writes again. A claim whose request never committed and
 * whose instance stopped answering is taken over after {@link #ABANDONED}. Keys are kept for {@link #KEEP}.
 */
@ApplicationScoped
class IdempotencyKeys {

    static final Duration KEEP = Duration.ofHours(24);
    static final Duration ABANDONED = Duration.ofSeconds(60);
    private static final String EXPIRED = "current_timestamp - interval '24' hour";
    private static final String STALE = "current_timestamp - interval '60' second";
    private static final long PURGE_EVERY_NANOS = Duration.ofMinutes(10).toNanos();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The stored answer of the first request. */
    record Answer(int status, String location, String etag, String lastModified, String contentType, byte[] body) {}

    /**
     * A key as the table holds it, read by column name: whose request it is, the stored answer (null until there
     * is one), and whether that request's write has committed.
     */
    record StoredKey(String fingerprint, Answer answer, boolean committed) {

        static final String SELECT = "select fingerprint as \"fingerprint\", status as \"status\", location as"
                + " \"location\", etag as \"etag\", last_modified as \"lastModified\", content_type as"
                + " \"contentType\", body as \"body\", committed_at as \"committedAt\" from idempotency_key";

        static StoredKey of(Tuple row) {
            Number status = row.get("status", Number.class);
            Answer answer = status == null
                    ? null
                    : new Answer(
                            status.intValue(),
                            row.get("location", String.class),
                            row.get("etag", String.class),
                            row.get("lastModified", String.class),
                            row.get("contentType", String.class),
                            row.get("body", byte[].class));
            return new StoredKey(row.get("fingerprint", String.class), answer, row.get("committedAt") != null);
        }
    }

    sealed interface Claim {}

    /** This request holds the key now (with this token) and is to be carried out. */
    record Claimed(String token) implements Claim {}

    /** The first request with this key was carried out: answer this again. */
    record Replay(Answer answer) implements Claim {}

    /** The first request with this key is still being carried out, or was and its answer was lost. */
    record InProgress(boolean committed) implements Claim {}

    /** The key was used for another request (method, target or body). */
    record Reused() implements Claim {}

    private final Database database;
    private final IdempotencyClaim held;
    private final BodyLimits bodies;
    private final AtomicLong lastPurge = new AtomicLong(System.nanoTime() - PURGE_EVERY_NANOS);

    IdempotencyKeys(Database database, IdempotencyClaim held, BodyLimits bodies) {
        this.database = database;
        this.held = held;
        this.bodies = bodies;
    }

    /**
     * The largest body of this media type a fingerprint reads ({@code newsdesk.http.max-body-bytes}, or
     * {@code newsdesk.bulk.max-body-bytes} for a bulk import); more is a 413.
     */
    long maxBodyBytes(String contentType) {
        return bodies.maxBytes(contentType);
    }

    Claim claim(String scope, String fingerprint) {
        purgeNowAndThen();
        for (int attempt = 0; attempt < 3; attempt++) {
            String token = token();
            run(() -> database.em()
                    .createNativeQuery(
                            "delete from idempotency_key where scope = :scope and" + " claimed_at < " + EXPIRED)
                    .setParameter("scope", scope)
                    .executeUpdate());
            if (insert(scope, fingerprint, token)) {
                return new Claimed(token);
            }
            StoredKey stored = QuarkusTransaction.requiringNew().call(() -> stored(scope));
            if (stored == null) {
                continue; // released or expired between our insert and our read
            }
            if (!fingerprint.equals(stored.fingerprint())) {
                return new Reused();
            }
            if (stored.answer() != null) {
                return new Replay(stored.answer());
            }
            if (stored.committed()) {
                return new InProgress(true);
            }
            int takenOver = run(() -> database.em()
                    .createNativeQuery("update idempotency_key set token = :token,"
                            + " claimed_at = current_timestamp where scope = :scope and status is null and committed_at is"
                            + " null and claimed_at < " + STALE)
                    .setParameter("token", token)
                    .setParameter("scope", scope)
                    .executeUpdate());
            return takenOver == 1 ? new Claimed(token) : new InProgress(false);
        }
        return new InProgress(false);
    }

    /** The key's row, or null when there is none. */
    private StoredKey stored(String scope) {
        List<?> rows = database.em()
                .createNativeQuery(StoredKey.SELECT + " where scope = :scope", Tuple.class)
                .setParameter("scope", scope)
                .getResultList();
        return rows.isEmpty() ? null : StoredKey.of((Tuple) rows.get(0));
    }

    /** The claim row, or false when the key is taken (no exception, and no error in the log, but in a race). */
    private boolean insert(String scope, String fingerprint, String token) {
        try {
            return run(() -> database.em()
                            .createNativeQuery("insert into idempotency_key (scope, fingerprint,"
                                    + " token, claimed_at) select :scope, :fingerprint, :token, current_timestamp where not exists"
                                    + " (select 1 from idempotency_key where scope = :scope)")
                            .setParameter("scope", scope)
                            .setParameter("fingerprint", fingerprint)
                            .setParameter("token", token)
                            .executeUpdate())
                    == 1;
        } catch (RuntimeException e) {
            if (isDuplicateKey(e)) {
                return false; // two first requests raced; the other one holds it
            }
            throw e;
        }
    }

    /**
     * Inside every write transaction: marks the claim this request holds as committed, in that transaction, so
     * that it is committed exactly when the write is.
     */
    void committing(@Observes ContentChanges.Written written) {
        if (!Arc.container().requestContext().isActive() || !held.held()) {
            return;
        }
        HeldClaims.commit(database, List.of(new HeldClaims.Held(held.scope(), held.token())));
    }

    /** Stores the answer of the request that holds the claim. */
    void complete(String scope, String token, Answer answer) {
        run(() -> database.em()
                .createNativeQuery("update idempotency_key set status = :status, location ="
                        + " :location, etag = :etag, last_modified = :lastModified, content_type = :contentType, body ="
                        + " :body where scope = :scope and token = :token")
                .setParameter("status", answer.status())
                .setParameter("location", answer.location())
                .setParameter("etag", answer.etag())
                .setParameter("lastModified", answer.lastModified())
                .setParameter("contentType", answer.contentType())
                .setParameter("body", answer.body())
                .setParameter("scope", scope)
                .setParameter("token", token)
                .executeUpdate());
    }

    /** Gives the key up when the request wrote nothing: a retry is carried out afresh. Never a committed one. */
    void release(String scope, String token) {
        run(() -> database.em()
                .createNativeQuery("delete from idempotency_key where scope = :scope and token ="
                        + " :token and committed_at is null and status is null")
                .setParameter("scope", scope)
                .setParameter("token", token)
                .executeUpdate());
    }

    private void purgeNowAndThen() {
        long last = lastPurge.get();
        if (System.nanoTime() - last < PURGE_EVERY_NANOS || !lastPurge.compareAndSet(last, System.nanoTime())) {
            return;
        }
        run(() -> database.em()
                .createNativeQuery("delete from idempotency_key where claimed_at < " + EXPIRED)
                .executeUpdate());
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static int run(IntSupplier work) {
        return QuarkusTransaction.requiringNew().call(work::getAsInt);
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
