package io.newsdesk.article;

import java.time.Instant;

/**
 * Where an article is filed: its category and its source, as {@link Placements} finds them by their slugs: the
 * ids the article refers to, and the names and times of change its answer and validators show.
 */
record Placement(
        long categoryId,
        String categorySlug,
        String categoryName,
        Instant categoryUpdatedAt,
        long sourceId,
        String sourceSlug,
        String sourceName,
        Instant sourceUpdatedAt) {}
