/**
 * The absolute URLs of the API ({@code Links}): permalinks of articles, categories and sources, {@code next}
 * pages and archive days, made from the scheme, host and port the client used. Features put them in their
 * views; caching keys its entries by the request URL they carry.
 * Depends only on problem (a 400 when forwarded headers make no URI).
 */
package io.newsdesk.links;
