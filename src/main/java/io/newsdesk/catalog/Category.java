package io.newsdesk.catalog;

import jakarta.persistence.Entity;

/** A category row: a catalog entry and nothing more. */
@Entity
public class Category extends CatalogEntry {}
