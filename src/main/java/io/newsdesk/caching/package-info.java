/**
 * HTTP caching: validators (ETag, Last-Modified) and conditional requests (304 before any representation is
 * built), delta feeds (RFC 3229 {@code A-IM: feed}, 226 with the items that changed), the render cache with single
 * flight, the data version that invalidates it across instances
 * (PostgreSQL {@code LISTEN/NOTIFY}), the change watermarks every validator depends on, content codings (gzip,
 * Brotli: negotiated, kept coded in the render cache, each coding a variant with its own ETag), and their metrics.
 * May depend on {@code format}, {@code links}, {@code problem} (the 406 of an unacceptable Accept-Encoding) and
 * {@code system}; knows no feature.
 */
package io.newsdesk.caching;
