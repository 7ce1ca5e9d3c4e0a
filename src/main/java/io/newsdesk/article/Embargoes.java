package io.newsdesk.article;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import io.newsdesk.caching.Schedule;
import io.newsdesk.system.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

/**
 * Embargoes: an article whose {@code publishedAt} lies in the future is invisible to every public read (pages,
 * feeds, exports, counts, days, the article itself) until that instant, and then visible everywhere at once.
 * Every public query compares {@code publishedAt} with the time of the query ({@link ArticleFilter}, {@link
 * #unless}); as a {@link Schedule} this tells the caching layer the next release, so that no representation made
 * before it is served after it.
 */
@ApplicationScoped
class Embargoes implements Schedule {

    private final Database database;

    Embargoes(Database database) {
        this.database = database;
    }

    @Override
    public Optional<Instant> nextAfter(Instant now) {
        return Optional.ofNullable(database.em()
                .createQuery("select min(a.publishedAt) from Article a where a.publishedAt > :now", Instant.class)
                .setParameter("now", now)
                .getSingleResult());
    }

    /** Now, to the microsecond the database keeps: an article is public from the instant it names on. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** The condition (on alias {@code a}) a public read adds; nothing for an editor's ({@code scheduled}). */
    static String unless(boolean scheduled) {
        return scheduled ? "" : " and a.publishedAt <= :visibleAt";
    }

    /** Binds what {@link #unless} added. */
    static <Q extends Query> Q visible(Q query, boolean scheduled) {
        if (!scheduled) {
            query.setParameter("visibleAt", now());
        }
        return query;
    }
}
