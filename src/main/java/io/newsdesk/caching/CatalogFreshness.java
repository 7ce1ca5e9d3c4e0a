package io.newsdesk.caching;

import java.time.Instant;

import io.newsdesk.links.Links;
import io.newsdesk.system.Database;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Validators of the category and source reads: their article counts move with any article insert, delete or
 * move, and their names and URLs with any category or source change, so the state is the article count, the
 * newest article change and {@link ContentChanges#shared()} (whose removal watermark also moves when an empty
 * category or source is deleted).
 */
@ApplicationScoped
public class CatalogFreshness {

    private final Database database;
    private final ContentChanges changes;

    CatalogFreshness(Database database, ContentChanges changes) {
        this.database = database;
        this.changes = changes;
    }

    public Validators validators(String format, Links links) {
        Object[] state = (Object[]) database.em()
                .createNativeQuery("select count(*), max(updated_at) from article").getSingleResult();
        Instant newest = ContentChanges.instant(state[1]);
        Instant shared = changes.shared().newest();
        Instant lastModified = newest != null && newest.isAfter(shared) ? newest : shared;
        return Validators.of("", lastModified, format, links.request(), ((Number) state[0]).longValue(), newest,
                shared);
    }
}
