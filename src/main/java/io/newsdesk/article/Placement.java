package io.newsdesk.article;

import io.newsdesk.catalog.Category;
import io.newsdesk.catalog.Source;

/** Where an article is filed: its category and its source, as one query finds both by their slugs. */
record Placement(Category category, Source source) {

    static final String BY_SLUGS = "select new io.newsdesk.article.Placement(c, s) from Category c, Source s"
            + " where c.slug = :category and s.slug = :source";
}
