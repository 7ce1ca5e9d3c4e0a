package io.newsdesk.article;

import java.time.Instant;

/**
 * Where an article is filed: its category and its source, as one query finds both by their slugs (a JPQL
 * constructor expression, so the catalog's entities stay in their package): the ids the article refers to, and
 * the names and times of change its answer and validators show.
 */
record Placement(
        long categoryId,
        String categorySlug,
        String categoryName,
        Instant categoryUpdatedAt,
        long sourceId,
        String sourceSlug,
        String sourceName,
        Instant sourceUpdatedAt) {

    static final String BY_SLUGS = "select new io.newsdesk.article.Placement(c.id, c.slug, c.name, c.updatedAt,"
            + " s.id, s.slug, s.name, s.updatedAt) from Category c, Source s"
            + " where c.slug = :category and s.slug = :source";
}
