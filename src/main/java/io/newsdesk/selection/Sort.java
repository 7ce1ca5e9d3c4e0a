package io.newsdesk.selection;

/** Order of a selection: by (publishedAt, id) descending or ascending. */
public enum Sort {
    NEWEST,
    OLDEST;

    public String param() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
