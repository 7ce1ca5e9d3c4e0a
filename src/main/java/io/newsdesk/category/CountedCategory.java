package io.newsdesk.category;

import io.newsdesk.links.Links;

/** A category and its article count, as the query builds it, before the view adds its URL. */
record CountedCategory(String slug, String name, long articleCount) {

    CategoryView view(Links links) {
        return new CategoryView(slug, name, articleCount, links.category(slug));
    }
}
