package io.newsdesk.article;

import java.util.List;

/**
 * The categories and sources behind a selection's slugs (slug, id, name; each list by name), once every slug is
 * known to exist: ids for the query, names for feed titles and the filters a page shows.
 */
record ResolvedSlugs(List<CatalogRef> categories, List<CatalogRef> sources) {

    List<Long> categoryIds() {
        return categories.stream().map(CatalogRef::id).toList();
    }

    List<Long> sourceIds() {
        return sources.stream().map(CatalogRef::id).toList();
    }

    List<String> categoryNames() {
        return categories.stream().map(CatalogRef::name).toList();
    }

    List<String> sourceNames() {
        return sources.stream().map(CatalogRef::name).toList();
    }
}
