package io.newsdesk.article;

import java.time.Instant;

/**
 * One numbered entry of the change log ({@link ChangeLog}): what the public saw happen to an article. {@code kind}
 * is {@code created} (it became visible: written, or its embargo ended), {@code updated} (visible before and
 * after) or {@code deleted} (it stopped being visible: deleted, or moved back under embargo). {@code before} and
 * {@code after} say where it was filed (null where it was not visible), so that a reader of one selection can tell
 * an article that moved into it or out of it.
 */
public record Change(long seq, String kind, long articleId, Instant at, Placed before, Placed after) {

    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String DELETED = "deleted";

    /** Where an article was filed: its category, its source and its publishedAt. */
    public record Placed(long categoryId, long sourceId, Instant publishedAt) {}
}
