package io.newsdesk.selection;

/**
 * Order of a selection: by (publishedAt, id) descending or ascending, or by how well articles match {@code q}
 * (rank descending, then newest first).
 */
public enum Sort {
    NEWEST,
    OLDEST,
    RELEVANCE;

    public String param() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
