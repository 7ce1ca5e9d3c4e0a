package io.newsdesk.demo;

/** A real news outlet used as the demo "source"; {@code url} is its https homepage. */
record DemoSource(String slug, String name, String url) {}
