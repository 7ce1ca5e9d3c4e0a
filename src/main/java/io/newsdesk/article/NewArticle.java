package io.newsdesk.article;

import java.time.Instant;

/**
 * An article checked and filed, not yet written: what its insert binds ({@link ArticleInserts}), written
 * {@code at} (its createdAt and updatedAt).
 */
record NewArticle(ArticleInput input, Placement placement, String slug, Instant at) {

    static NewArticle of(ArticleInput input, Placement placement, Instant at) {
        return new NewArticle(input, placement, ArticleSlugs.of(input.title()), at);
    }

    /** Where the public will see it, for the change log. */
    Change.Placed placed() {
        return new Change.Placed(placement.categoryId(), placement.sourceId(), input.publishedAt());
    }
}
