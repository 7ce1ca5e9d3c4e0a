package io.newsdesk.article;

/** The answer to counting a view: the article and its new count. */
public record ViewCount(long id, long views) {
}
