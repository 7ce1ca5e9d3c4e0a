package io.newsdesk.changes;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.newsdesk.article.ArticleView;

/**
 * One event of the change stream, as SSE data and as an item of the JSON list: its number ({@code id}, what
 * {@code Last-Event-ID} and {@code since} resume after), {@code type} ({@code created}, {@code updated},
 * {@code deleted}) for this selection, the article's id and URL, when it happened, and for {@code created} and
 * {@code updated} the article as it is now (as {@code GET /v1/articles/{id}} gives it; null if it is gone since).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeEvent(long id, String type, long articleId, String url, OffsetDateTime at, ArticleView article) {}
