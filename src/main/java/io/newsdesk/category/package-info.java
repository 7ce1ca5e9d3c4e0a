/**
 * Categories: the entity, queries with exact article counts, commands (create, rename, delete in one
 * transaction), the views and list every format shows, and the resource of {@code /v1/categories}.
 * May depend on {@code selection}, {@code body}, {@code links}, {@code format}, {@code caching}, {@code auth},
 * {@code problem} and {@code system}; not on another feature.
 */
package io.newsdesk.category;
