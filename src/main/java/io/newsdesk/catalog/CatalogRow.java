package io.newsdesk.catalog;

/**
 * An entry and its article count, as {@link CatalogQueries} builds it with a JPQL constructor expression;
 * {@code website} is null for a kind that has none (the query then selects three columns).
 */
record CatalogRow(String slug, String name, long articleCount, String website) {

    CatalogRow(String slug, String name, long articleCount) {
        this(slug, name, articleCount, null);
    }
}
