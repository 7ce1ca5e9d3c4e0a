package io.newsdesk.article;

import java.time.Instant;
import java.time.ZoneId;

import io.newsdesk.format.FeedChannel;
import io.newsdesk.links.Links;

/**
 * An article's columns as the query builds them ({@link #SELECT}, a JPQL constructor expression), before the
 * view adds what depends on the request (its URL) and on the newsroom's zone (its date-times).
 */
record ArticleRow(
        long id,
        String slug,
        String title,
        String summary,
        String content,
        String categorySlug,
        String categoryName,
        String sourceSlug,
        String sourceName,
        Instant publishedAt,
        Instant updatedAt,
        String originalUrl,
        boolean isSummary,
        boolean hasEditorialBias,
        long views) {

    static final String SELECT = "select new io.newsdesk.article.ArticleRow(a.id, a.slug, a.title, a.summary,"
            + " a.content, c.slug, c.name, s.slug, s.name, a.publishedAt, a.updatedAt, a.originalUrl, a.isSummary,"
            + " a.hasEditorialBias, a.views) from Article a join a.category c join a.source s";

    ArticleView view(ZoneId zone, Links links, FeedChannel channel, Permalinks permalinks) {
        return new ArticleView(
                id,
                slug,
                title,
                summary,
                content,
                new ArticleView.Ref(categorySlug, categoryName),
                new ArticleView.Ref(sourceSlug, sourceName),
                publishedAt.atZone(zone).toOffsetDateTime(),
                updatedAt.atZone(zone).toOffsetDateTime(),
                originalUrl,
                permalinks.url(this, links),
                isSummary,
                hasEditorialBias,
                views,
                permalinks.articleId(id),
                links.article(id),
                channel);
    }
}
