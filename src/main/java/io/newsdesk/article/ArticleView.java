package io.newsdesk.article;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One article as every format shows it. Field names are the public contract. */
@JsonPropertyOrder({ "id", "slug", "title", "summary", "content", "category", "source", "publishedAt",
        "updatedAt", "originalUrl", "url", "isSummary", "hasEditorialBias", "views" })
public record ArticleView(long id, String slug, String title, String summary, String content, Ref category,
        Ref source, OffsetDateTime publishedAt, OffsetDateTime updatedAt, String originalUrl, String url,
        @JsonProperty("isSummary") boolean isSummary,
        @JsonProperty("hasEditorialBias") boolean hasEditorialBias, long views) {

    /** A category or source as an article names it. */
    public record Ref(String slug, String name) {
    }
}
