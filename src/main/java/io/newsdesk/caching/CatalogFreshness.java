package io.newsdesk.caching;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.newsdesk.links.Links;
import io.newsdesk.system.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

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
        ArticleTotals state = ArticleTotals.of((Tuple) database.em()
                .createNativeQuery(ArticleTotals.SELECT, Tuple.class)
                .setParameter("visibleAt", Instant.now().truncatedTo(ChronoUnit.MICROS))
                .getSingleResult());
        Instant shared = changes.shared().newest();
        Instant newest = state.newest();
        Instant lastModified = newest != null && newest.isAfter(shared) ? newest : shared;
        return Validators.of("", lastModified, format, links.request(), state.articles(), newest, shared);
    }

    /** How many articles there are and their newest change (null when there is none), read by column name. */
    private record ArticleTotals(long articles, Instant newest) {

        /** Public counts: an embargoed article counts (and its release changes the state) from its publishedAt. */
        static final String SELECT = "select count(*) as \"articles\", max(case when published_at > updated_at then"
                + " published_at else updated_at end) as \"newest\" from article where published_at <= :visibleAt";

        static ArticleTotals of(Tuple row) {
            return new ArticleTotals(
                    row.get("articles", Number.class).longValue(), ContentChanges.instant(row.get("newest")));
        }
    }
}
