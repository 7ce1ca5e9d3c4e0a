package io.newsdesk.category;

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

/** Creates, renames and deletes categories, each in one transaction that either happens whole or not at all. */
@ApplicationScoped
class CategoryCommands {

    private final Database database;
    private final ContentChanges changes;

    CategoryCommands(Database database, ContentChanges changes) {
        this.database = database;
        this.changes = changes;
    }

    @Transactional
    String create(CategoryInput input) {
        requireFree(input.slug());
        Category category = new Category();
        category.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        apply(category, input);
        em().persist(category);
        flush(input.slug());
        changes.written();
        return category.slug;
    }

    @Transactional
    String update(String slug, CategoryInput input) {
        Category category = find(slug);
        if (!slug.equals(input.slug())) {
            requireFree(input.slug());
        }
        apply(category, input);
        flush(input.slug());
        changes.written();
        return category.slug;
    }

    @Transactional
    void delete(String slug) {
        Category category = find(slug);
        long articles = em().createQuery("select count(a) from Article a where a.category = :c", Long.class)
                .setParameter("c", category).getSingleResult();
        if (articles > 0) {
            throw ProblemException.conflict("Category '" + slug + "' still has " + articles
                    + " articles; move or delete them first.");
        }
        em().remove(category);
        flush(slug);
        // a removal leaves no updated_at behind: move the watermark so that the catalog's validators move
        changes.removed();
        changes.written();
    }

    private void apply(Category category, CategoryInput input) {
        category.slug = input.slug();
        category.name = input.name();
        category.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** A path slug that is not slug syntax names nothing: 404 without asking the database (PostgreSQL refuses NUL). */
    private Category find(String slug) {
        if (SelectionParser.isSlug(slug)) {
            Category found = em().createQuery("from Category c where c.slug = :slug", Category.class)
                    .setParameter("slug", slug).getResultStream().findFirst().orElse(null);
            if (found != null) {
                return found;
            }
        }
        throw ProblemException.notFound("No category with slug '" + Words.printable(slug) + "'.");
    }

    private void requireFree(String slug) {
        if (!em().createQuery("select c.id from Category c where c.slug = :slug", Long.class)
                .setParameter("slug", slug).getResultList().isEmpty()) {
            throw ProblemException.conflict("A category with slug '" + slug + "' exists already.");
        }
    }

    /** Constraint violations (a concurrent duplicate, a concurrent article) surface here, as a 409. */
    private void flush(String slug) {
        try {
            em().flush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict("Category '" + slug + "' changed concurrently (duplicate slug or"
                    + " articles still attached); read it again and retry.");
        }
    }

    private EntityManager em() {
        return database.em();
    }
}
