package io.newsdesk.catalog;

import jakarta.ws.rs.Path;

/** {@code /v1/sources}. */
@Path("/v1/sources")
public class SourceResource extends CatalogResource<SourceView, SourceList> {

    SourceResource() {
        super(Catalog.SOURCES);
    }
}
