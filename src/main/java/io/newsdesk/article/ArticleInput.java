package io.newsdesk.article;

import java.time.Instant;
import java.util.Set;

import io.newsdesk.body.BodyFields;

/**
 * The body of POST and PUT on articles. {@code category} and {@code source} are slugs; their existence is
 * checked by {@link ArticleCommands}, which reports an unknown one as a field error like any other.
 */
record ArticleInput(
        String title,
        String summary,
        String content,
        String category,
        String source,
        Instant publishedAt,
        String originalUrl,
        Boolean isSummary,
        Boolean hasEditorialBias) {

    static final Set<String> WRITABLE = Set.of(
            "title",
            "summary",
            "content",
            "category",
            "source",
            "publishedAt",
            "originalUrl",
            "isSummary",
            "hasEditorialBias");
    static final Set<String> READ_ONLY = Set.of("id", "slug", "url", "updatedAt", "views");

    static final int MAX_TITLE = 500;
    static final int MAX_SUMMARY = 5_000;
    static final int MAX_CONTENT = 500_000;

    static ArticleInput from(BodyFields fields) {
        fields.allow(WRITABLE, READ_ONLY);
        return new ArticleInput(
                fields.name("title", MAX_TITLE),
                fields.text("summary", MAX_SUMMARY),
                fields.text("content", MAX_CONTENT),
                fields.slug("category"),
                fields.slug("source"),
                fields.instant("publishedAt"),
                fields.url("originalUrl"),
                fields.bool("isSummary"),
                fields.bool("hasEditorialBias"));
    }
}
