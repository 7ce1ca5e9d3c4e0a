package io.newsdesk.caching;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

import io.newsdesk.system.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.Tuple;

/**
 * What every validator also depends on: the newest change to any category or source (their names appear in
 * every article), and the removal watermark, moved whenever an article leaves selections (deleted, or moved
 * to another category, source or time). Removals leave no row whose updated_at could move Last-Modified,
 * hence the watermark. Both live in the database, so all instances agree.
 */
@ApplicationScoped
public class ContentChanges {

    /**
     * Fired synchronously inside every write transaction, once its input was checked: observers write in the same
     * transaction, so what they write commits exactly when the write does (auth.IdempotencyKeys marks its claim).
     */
    public record Written() {}

    private final Database database;
    private final DataVersion version;
    private final PostgresChanges announcements;
    private final Event<Written> writes;

    ContentChanges(Database database, DataVersion version, PostgresChanges announcements, Event<Written> writes) {
        this.database = database;
        this.version = version;
        this.announcements = announcements;
        this.writes = writes;
    }

    /**
     * Call inside every write transaction, after its input was checked (on PostgreSQL this asks the database for
     * the transaction's id, and no SQL may run for a refused request): once it ends, this instance serves no representation cached before
     * it, and (on PostgreSQL) once it commits, the writer waits until every listening instance has confirmed it.
     */
    public void written() {
        Consumer<Boolean> announced = null;
        if (announcements.enabled()) {
            Tuple row = (Tuple) database.em()
                    .createNativeQuery(announcements.transactionAndListeners(), Tuple.class)
                    .getSingleResult();
            announced = announcements.expect(
                    row.get("transaction", Number.class).longValue(),
                    row.get("listeners", Number.class).intValue());
        }
        version.written(announced);
        writes.fire(new Written());
    }

    /**
     * What every selection shares: {@code catalog}, the newest category or source change (their names are in
     * every article, so it belongs in every ETag), and {@code removed}, the removal watermark, which only
     * Last-Modified needs: an ETag already sees a removal inside its selection in the article count, and must
     * not change for a removal elsewhere.
     */
    public record Shared(Instant catalog, Instant removed) {

        /** The newest of both: no Last-Modified may be older. */
        public Instant newest() {
            return removed.isAfter(catalog) ? removed : catalog;
        }
    }

    /** Both shared states in one indexed-free tiny query, read by column name. */
    public Shared shared() {
        Tuple row = (Tuple) database.em()
                .createNativeQuery(
                        "select (select max(updated_at) from category) as"
                                + " \"categories\", (select max(updated_at) from source) as \"sources\", (select changed_at from"
                                + " content_changes where id = 1) as \"removed\"",
                        Tuple.class)
                .getSingleResult();
        return new Shared(newest(row.get("categories"), row.get("sources")), newest(row.get("removed")));
    }

    /** The latest of these timestamps, or the epoch when all are null (no row). */
    private static Instant newest(Object... timestamps) {
        Instant newest = Instant.EPOCH;
        for (Object value : timestamps) {
            Instant instant = instant(value);
            if (instant != null && instant.isAfter(newest)) {
                newest = instant;
            }
        }
        return newest;
    }

    /** Moves the removal watermark; call inside the transaction of the write. */
    public void removed() {
        database.em()
                .createNativeQuery("update content_changes set changed_at = :now where id = 1")
                .setParameter("now", Instant.now().truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof LocalDateTime time) {
            return time.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a timestamp: " + value.getClass());
    }
}
