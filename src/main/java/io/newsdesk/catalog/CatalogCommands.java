package io.newsdesk.catalog;

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

/**
 * Creates, changes and deletes the entries of a catalog, each in one transaction that either happens whole or
 * not at all. Answers with the entry's slug, never the entity.
 */
@ApplicationScoped
class CatalogCommands {

    private final Database database;
    private final ContentChanges changes;

    CatalogCommands(Database database, ContentChanges changes) {
        this.database = database;
        this.changes = changes;
    }

    @Transactional
    String create(Catalog<?, ?> catalog, CatalogInput input) {
        requireFree(catalog, input.slug());
        CatalogEntry entry = catalog.create().get();
        entry.createdAt = now();
        entry.write(input, now());
        em().persist(entry);
        flush(catalog, input.slug());
        changes.written();
        return entry.slug;
    }

    @Transactional
    String update(Catalog<?, ?> catalog, String slug, CatalogInput input) {
        CatalogEntry entry = find(catalog, slug);
        if (!slug.equals(input.slug())) {
            requireFree(catalog, input.slug());
        }
        entry.write(input, now());
        flush(catalog, input.slug());
        changes.written();
        return entry.slug;
    }

    @Transactional
    void delete(Catalog<?, ?> catalog, String slug) {
        CatalogEntry entry = find(catalog, slug);
        long articles = em().createQuery(
                        "select count(a) from Article a where a." + catalog.singular() + " = :c", Long.class)
                .setParameter("c", entry)
                .getSingleResult();
        if (articles > 0) {
            throw ProblemException.conflict(catalog.title() + " '" + slug + "' still has " + articles
                    + " articles; move or delete them first.");
        }
        em().remove(entry);
        flush(catalog, slug);
        // a removal leaves no updated_at behind: move the watermark so that the catalog's validators move
        changes.removed();
        changes.written();
    }

    /** A path slug that is not slug syntax names nothing: 404 without asking the database (PostgreSQL refuses NUL). */
    private CatalogEntry find(Catalog<?, ?> catalog, String slug) {
        if (SelectionParser.isSlug(slug)) {
            CatalogEntry found = em().createQuery(
                            "from " + catalog.entityName() + " e where e.slug = :slug", CatalogEntry.class)
                    .setParameter("slug", slug)
                    .getResultStream()
                    .findFirst()
                    .orElse(null);
            if (found != null) {
                return found;
            }
        }
        throw ProblemException.notFound("No " + catalog.singular() + " with slug '" + Words.printable(slug) + "'.");
    }

    private void requireFree(Catalog<?, ?> catalog, String slug) {
        if (!em().createQuery("select e.id from " + catalog.entityName() + " e where e.slug = :slug", Long.class)
                .setParameter("slug", slug)
                .getResultList()
                .isEmpty()) {
            throw ProblemException.conflict("A " + catalog.singular() + " with slug '" + slug + "' exists already.");
        }
    }

    /** Constraint violations (a concurrent duplicate, a concurrent article) surface here, as a 409. */
    private void flush(Catalog<?, ?> catalog, String slug) {
        try {
            em().flush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict(catalog.title() + " '" + slug + "' changed concurrently (duplicate slug"
                    + " or articles still attached); read it again and retry.");
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private EntityManager em() {
        return database.em();
    }
}
