package io.newsdesk.caching;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import io.newsdesk.system.Database;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What every validator also depends on: the newest change to any category or source (their names appear in
 * every article), and the removal watermark, moved whenever an article leaves selections (deleted, or moved
 * to another category, source or time). Removals leave no row whose updated_at could move Last-Modified,
 * hence the watermark. Both live in the database, so all instances agree.
 */
@ApplicationScoped
public class ContentChanges {

    private final Database database;

    ContentChanges(Database database) {
        this.database = database;
    }

    /** The newest of: any category or source change, and the removal watermark. One indexed-free tiny query. */
    public Instant shared() {
        Object[] row = (Object[]) database.em().createNativeQuery("select (select max(updated_at) from category),"
                + " (select max(updated_at) from source), (select changed_at from content_changes where id = 1)")
                .getSingleResult();
        Instant newest = Instant.EPOCH;
        for (Object value : row) {
            Instant instant = instant(value);
            if (instant != null && instant.isAfter(newest)) {
                newest = instant;
            }
        }
        return newest;
    }

    /** Moves the removal watermark; call inside the transaction of the write. */
    public void removed() {
        database.em().createNativeQuery("update content_changes set changed_at = :now where id = 1")
                .setParameter("now", Instant.now().truncatedTo(ChronoUnit.MICROS)).executeUpdate();
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
