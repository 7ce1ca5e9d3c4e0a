package io.newsdesk.caching;

/**
 * How long shared caches may reuse a read without asking again: the {@code Cache-Control} it is answered with (and
 * its 304s). The validators are the same either way, so a cache that revalidates still sees every edit.
 */
public enum Lifetime {
    /** What changes as news arrives: {@code newsdesk.caching.cache-control}. */
    CURRENT,
    /**
     * An archive document of a day that is over (RFC 5005), which only an edit or a back-dated article changes:
     * {@code newsdesk.caching.archive-cache-control}.
     */
    ARCHIVED
}
