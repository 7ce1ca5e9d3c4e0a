package io.newsdesk.catalog;

import jakarta.ws.rs.Path;

/** {@code /v1/categories}. */
@Path("/v1/categories")
public class CategoryResource extends CatalogResource<CategoryView, CategoryList> {

    CategoryResource() {
        super(Catalog.CATEGORIES);
    }
}
