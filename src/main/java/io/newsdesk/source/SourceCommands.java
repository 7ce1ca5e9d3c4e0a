package io.newsdesk.source;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.newsdesk.caching.ContentChanges;
import io.newsdesk.problem.ProblemException;
import io.newsdesk.selection.SelectionParser;
import io.newsdesk.selection.Words;
import io.newsdesk.system.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/** Creates, changes and deletes sources, each in one transaction that either happens whole or not at all. */
@ApplicationScoped
class SourceCommands {

    private final Database database;
    private final ContentChanges changes;

    SourceCommands(Database database, ContentChanges changes) {
        this.database = database;
        this.changes = changes;
    }

    @Transactional
    String create(SourceInput input) {
        requireFree(input.slug());
        Source source = new Source();
        source.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        apply(source, input);
        em().persist(source);
        flush(input.slug());
        changes.written();
        return source.slug;
    }

    @Transactional
    String update(String slug, SourceInput input) {
        Source source = find(slug);
        if (!slug.equals(input.slug())) {
            requireFree(input.slug());
        }
        apply(source, input);
        flush(input.slug());
        changes.written();
        return source.slug;
    }

    @Transactional
    void delete(String slug) {
        Source source = find(slug);
        long articles = em().createQuery("select count(a) from Article a where a.source = :c", Long.class)
                .setParameter("c", source).getSingleResult();
        if (articles > 0) {
            throw ProblemException.conflict("Source '" + slug + "' still has " + articles
                    + " articles; move or delete them first.");
        }
        em().remove(source);
        flush(slug);
        // a removal leaves no updated_at behind: move the watermark so that the catalog's validators move
        changes.removed();
        changes.written();
    }

    private void apply(Source source, SourceInput input) {
        source.slug = input.slug();
        source.name = input.name();
        source.url = input.url();
        source.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** A path slug that is not slug syntax names nothing: 404 without asking the database (PostgreSQL refuses NUL). */
    private Source find(String slug) {
        if (SelectionParser.isSlug(slug)) {
            Source found = em().createQuery("from Source c where c.slug = :slug", Source.class)
                    .setParameter("slug", slug).getResultStream().findFirst().orElse(null);
            if (found != null) {
                return found;
            }
        }
        throw ProblemException.notFound("No source with slug '" + Words.printable(slug) + "'.");
    }

    private void requireFree(String slug) {
        if (!em().createQuery("select c.id from Source c where c.slug = :slug", Long.class)
                .setParameter("slug", slug).getResultList().isEmpty()) {
            throw ProblemException.conflict("A source with slug '" + slug + "' exists already.");
        }
    }

    /** Constraint violations (a concurrent duplicate, a concurrent article) surface here, as a 409. */
    private void flush(String slug) {
        try {
            em().flush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict("Source '" + slug + "' changed concurrently (duplicate slug or"
                    + " articles still attached); read it again and retry.");
        }
    }

    private EntityManager em() {
        return database.em();
    }
}
