/**
 * HTTP caching: validators (ETag, Last-Modified) and conditional requests (304 before any representation is
 * built), the render cache with single flight, the data version that invalidates it across instances
 * (PostgreSQL {@code LISTEN/NOTIFY}), the change watermarks every validator depends on, and their metrics.
 * May depend on {@code format}, {@code links} and {@code system}; knows no feature.
 */
package io.newsdesk.caching;
