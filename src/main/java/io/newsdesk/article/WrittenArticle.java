package io.newsdesk.article;

import java.time.Instant;

/**
 * An article as its write left it: every value its answer and its validators need, so that a create answers
 * without reading the row back, and the entity stays inside {@link ArticleCommands}.
 */
record WrittenArticle(long id, long version, String slug, String title, String summary, String content,
        String categorySlug, String categoryName, Instant categoryUpdatedAt, String sourceSlug, String sourceName,
        Instant sourceUpdatedAt, Instant publishedAt, Instant updatedAt, String originalUrl, boolean isSummary,
        boolean hasEditorialBias, long views) {

    static WrittenArticle of(Article article) {
        return new WrittenArticle(article.id, article.version, article.slug, article.title, article.summary,
                article.content, article.category.slug, article.category.name, article.category.updatedAt,
                article.source.slug, article.source.name, article.source.updatedAt, article.publishedAt,
                article.updatedAt, article.originalUrl, article.isSummary, article.hasEditorialBias, article.views);
    }
}
