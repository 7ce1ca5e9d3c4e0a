package io.newsdesk.article;

/**
 * An article as its write left it: every value its answer ({@code row}) and its validators ({@code state})
 * need, so that a create answers without reading the row back, and the entity stays inside
 * {@link ArticleCommands}.
 */
record WrittenArticle(ArticleRow row, ArticleState state) {

    static WrittenArticle of(Article article, Placement placement) {
        return new WrittenArticle(ArticleRow.of(article, placement), ArticleState.of(article, placement));
    }

    long id() {
        return row.id();
    }
}
