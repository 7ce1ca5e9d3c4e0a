package io.newsdesk.selection;

import java.time.Instant;

/** A keyset position: the last (publishedAt, id) a client has seen. Never an offset. */
public record Cursor(Instant publishedAt, long id) {}
