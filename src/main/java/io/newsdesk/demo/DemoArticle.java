package io.newsdesk.demo;

import java.time.Instant;

/** One generated demo article (an aggregator's summary of another outlet's story). */
record DemoArticle(
        String title,
        String summary,
        String content,
        String categorySlug,
        String sourceSlug,
        Instant publishedAt,
        String originalUrl,
        boolean isSummary,
        boolean hasEditorialBias,
        long views) {}
