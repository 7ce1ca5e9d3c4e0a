package io.newsdesk.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.newsdesk.system.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The table of {@code Idempotency-Key}s, shared by every instance. A request first claims its key (an insert
 * under the primary key, committed at once, so that of two concurrent requests exactly one wins); once it has
 * been carried out, its answer is stored in the claim. A key is kept for {@link #KEEP}; a claim whose request
 * never finished (its instance died) is taken over after {@link #ABANDONED}.
 */
@ApplicationScoped
class IdempotencyKeys {

    static final Duration KEEP = Duration.ofHours(24);
    static final Duration ABANDONED = Duration.ofSeconds(60);
    private static final long PURGE_EVERY_NANOS = Duration.ofMinutes(10).toNanos();

    /** The stored answer of the first request. */
    record Answer(int status, String location, String etag, String lastModified, String contentType, byte[] body) {
    }

    sealed interface Claim {
    }

    /** This request holds the key now and is to be carried out. */
    record Claimed() implements Claim {
    }

    /** The first request with this key was carried out: answer this again. */
    record Replay(Answer answer) implements Claim {
    }

    /** The first request with this key is still being carried out. */
    record InProgress() implements Claim {
    }

    /** The key was used for another request (method, target or body). */
    record Reused() implements Claim {
    }

    private final Database database;
    private final AtomicLong lastPurge = new AtomicLong(System.nanoTime() - PURGE_EVERY_NANOS);

    IdempotencyKeys(Database database) {
        this.database = database;
    }

    Claim claim(String scope, String fingerprint) {
        purgeNowAndThen();
        Instant now = now();
        transaction(() -> database.em().createNativeQuery("delete from idempotency_key where scope = :scope and"
                + " claimed_at < :expired").setParameter("scope", scope).setParameter("expired", now.minus(KEEP))
                .executeUpdate());
        int inserted;
        try {
            // no exception (and no error in the log) when the key is taken; only a race of two first requests
            // ends in the primary-key violation
            inserted = transaction(() -> database.em().createNativeQuery("insert into idempotency_key (scope,"
                    + " fingerprint, claimed_at) select :scope, :fingerprint, :now"
                    + " where not exists (select 1 from idempotency_key where scope = :scope)")
                    .setParameter("scope", scope).setParameter("fingerprint", fingerprint).setParameter("now", now)
                    .executeUpdate());
        } catch (RuntimeException raced) {
            inserted = 0;
        }
        if (inserted == 1) {
            return new Claimed();
        }
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) database.em().createNativeQuery(
                "select fingerprint, status, location, etag, last_modified, content_type, body from idempotency_key"
                        + " where scope = :scope").setParameter("scope", scope).getResultStream().findFirst()
                .orElse(null));
        if (row == null) {
            return claim(scope, fingerprint); // released between our insert and our read: try again
        }
        if (!fingerprint.equals(row[0])) {
            return new Reused();
        }
        if (row[1] != null) {
            return new Replay(new Answer(((Number) row[1]).intValue(), (String) row[2], (String) row[3],
                    (String) row[4], (String) row[5], (byte[]) row[6]));
        }
        int takenOver = transaction(() -> database.em().createNativeQuery("update idempotency_key set claimed_at ="
                + " :now where scope = :scope and status is null and claimed_at < :abandoned")
                .setParameter("now", now).setParameter("scope", scope)
                .setParameter("abandoned", now.minus(ABANDONED)).executeUpdate());
        return takenOver == 1 ? new Claimed() : new InProgress();
    }

    /** Stores the answer of the request that holds the claim. */
    void complete(String scope, Answer answer) {
        transaction(() -> database.em().createNativeQuery("update idempotency_key set status = :status, location ="
                + " :location, etag = :etag, last_modified = :lastModified, content_type = :contentType, body ="
                + " :body where scope = :scope").setParameter("status", answer.status())
                .setParameter("location", answer.location()).setParameter("etag", answer.etag())
                .setParameter("lastModified", answer.lastModified())
                .setParameter("contentType", answer.contentType()).setParameter("body", answer.body())
                .setParameter("scope", scope).executeUpdate());
    }

    /** Gives the key up (the request failed and changed nothing): a retry is carried out afresh. */
    void release(String scope) {
        transaction(() -> database.em().createNativeQuery("delete from idempotency_key where scope = :scope and"
                + " status is null").setParameter("scope", scope).executeUpdate());
    }

    private void purgeNowAndThen() {
        long last = lastPurge.get();
        if (System.nanoTime() - last < PURGE_EVERY_NANOS || !lastPurge.compareAndSet(last, System.nanoTime())) {
            return;
        }
        transaction(() -> database.em().createNativeQuery("delete from idempotency_key where claimed_at <"
                + " :expired").setParameter("expired", now().minus(KEEP)).executeUpdate());
    }

    private static int transaction(java.util.function.IntSupplier work) {
        return QuarkusTransaction.requiringNew().call(work::getAsInt);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
