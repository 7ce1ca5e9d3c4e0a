package io.newsdesk.category;

/** A category with its exact article count and its own absolute URL. */
public record CategoryView(String slug, String name, long articleCount, String url) {
}
