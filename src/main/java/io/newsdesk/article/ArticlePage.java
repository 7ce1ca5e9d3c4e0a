package io.newsdesk.article;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One page of a selection: its items in order, and the absolute URL of the next page or null. */
public record ArticlePage(List<ArticleView> items, @JsonInclude(JsonInclude.Include.ALWAYS) String next) {
}
