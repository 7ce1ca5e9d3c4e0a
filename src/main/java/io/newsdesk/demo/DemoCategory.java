package io.newsdesk.demo;

/** A demo category: URL-safe slug plus display name. */
record DemoCategory(String slug, String name) {}
