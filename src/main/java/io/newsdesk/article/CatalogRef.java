package io.newsdesk.article;

/** A category or source a selection names, as the slug lookup builds it: its slug, id and name. */
record CatalogRef(String slug, long id, String name) {}
