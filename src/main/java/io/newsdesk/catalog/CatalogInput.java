package io.newsdesk.catalog;

import io.newsdesk.body.BodyFields;

/** The body of POST and PUT on a catalog: {@code {slug, name}}, and {@code url} where the catalog has a website. */
record CatalogInput(String slug, String name, String url) {

    static CatalogInput from(Catalog<?, ?> catalog, BodyFields fields) {
        fields.allow(catalog.writable(), catalog.readOnly());
        CatalogInput input = new CatalogInput(
                fields.slug("slug"), fields.name("name", 200), catalog.website() ? fields.url("url") : null);
        fields.check();
        return input;
    }
}
