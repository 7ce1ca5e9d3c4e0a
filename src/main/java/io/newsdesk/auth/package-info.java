/**
 * Who may write, and writing once: editor keys (digests compared in constant time, checked at start-up), the
 * Bearer filter for {@code @Editor} methods, the lockout of clients that keep guessing, and
 * {@code Idempotency-Key} on POSTs (claims and replays shared by every instance through the database).
 * May depend on {@code caching}, {@code format}, {@code problem} and {@code system}; knows no feature.
 */
package io.newsdesk.auth;
