package io.newsdesk.source;

/** A source (outlet) with its website and its exact article count. */
public record SourceView(String slug, String name, String url, long articleCount) {
}
