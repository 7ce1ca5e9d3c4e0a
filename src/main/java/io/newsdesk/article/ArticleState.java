package io.newsdesk.article;

import java.time.Instant;

/**
 * What one article's validators derive from, as the query builds it ({@link #SELECT}): its version, its own
 * change, its view count and the changes of its category and source (whose names it shows).
 */
record ArticleState(
        long version,
        Instant updatedAt,
        Instant publishedAt,
        long views,
        Instant categoryUpdatedAt,
        Instant sourceUpdatedAt) {

    static final String SELECT = "select new io.newsdesk.article.ArticleState(a.version, a.updatedAt,"
            + " a.publishedAt, a.views, c.updatedAt, s.updatedAt) from Article a join a.category c join a.source s";
}
