package io.newsdesk.selection;

import java.time.Instant;

/**
 * A keyset position: the last (publishedAt, id) a client has seen, and under {@code sort=relevance} that article's
 * rank (0 otherwise). Never an offset.
 */
public record Cursor(Instant publishedAt, long id, float rank) {

    /** A position in time order. */
    public Cursor(Instant publishedAt, long id) {
        this(publishedAt, id, 0f);
    }
}
