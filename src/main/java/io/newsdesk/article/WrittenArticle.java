package io.newsdesk.article;

/**
 * An article as its write left it: every value its answer ({@code row}) and its validators ({@code state})
 * need, so that a create answers without reading the row back.
 */
record WrittenArticle(ArticleRow row, ArticleState state) {

    /** The article just inserted under {@code id}: version 0, no views, as a read of it gives it. */
    static WrittenArticle of(long id, NewArticle article) {
        ArticleInput input = article.input();
        Placement placement = article.placement();
        return new WrittenArticle(
                new ArticleRow(
                        id,
                        article.slug(),
                        input.title(),
                        input.summary(),
                        input.content(),
                        placement.categorySlug(),
                        placement.categoryName(),
                        placement.sourceSlug(),
                        placement.sourceName(),
                        input.publishedAt(),
                        article.at(),
                        input.originalUrl(),
                        input.isSummary(),
                        input.hasEditorialBias(),
                        0),
                new ArticleState(
                        0,
                        article.at(),
                        input.publishedAt(),
                        0,
                        placement.categoryUpdatedAt(),
                        placement.sourceUpdatedAt()));
    }

    long id() {
        return row.id();
    }
}
