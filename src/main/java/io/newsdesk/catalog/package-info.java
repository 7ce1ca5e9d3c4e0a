/**
 * The catalogs: categories and sources, one implementation. Both are slugged, named entries with exact
 * article counts, written and read the same way; what differs is data in {@link io.newsdesk.catalog.Catalog}
 * (entity, path and message words, field order, the source's website), not copied classes. Owns the entities
 * ({@code Category} and {@code Source} on one {@code @MappedSuperclass}, each its own table, so that
 * {@code Article} keeps its two associations), {@code CatalogQueries} (records built by the query),
 * {@code CatalogCommands} (slugs out, never entities), the views and lists every format shows (two small
 * records each, because JSON field order and XML element names are per kind; their table logic is shared in
 * {@code CatalogView} and {@code CatalogList}), and the resources of {@code /v1/categories} and
 * {@code /v1/sources} (one base, a subclass each that names its path and catalog).
 * May depend on {@code selection}, {@code body}, {@code links}, {@code format}, {@code caching}, {@code auth},
 * {@code problem} and {@code system}; not on another feature.
 */
package io.newsdesk.catalog;
