/**
 * Deterministic demo content for the embedded mode: a newsroom of categories, real outlets and generated
 * articles, made from phrase tables with a fixed seed and written once on first start.
 * May depend on the features it fills ({@code article}, {@code catalog}), {@code caching} and
 * {@code system}; nothing depends on it.
 */
package io.newsdesk.demo;
