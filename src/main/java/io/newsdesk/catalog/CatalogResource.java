package io.newsdesk.catalog;

import io.newsdesk.auth.Editor;
import io.newsdesk.auth.Idempotent;
import io.newsdesk.body.JsonBodies;
import io.newsdesk.pipeline.Answer;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The resource of one catalog ({@code /v1/categories}, {@code /v1/sources}): HTTP in, answers of the catalog's
 * view {@code V} and list {@code L} out, made by {@link CatalogService}. Each catalog's resource is a subclass
 * that names only its path, its {@link Catalog} and, as type arguments, its records (the pipeline negotiates
 * among the writers of those). The collaborators are injected into fields here, so that the subclasses need
 * no constructor that repeats them.
 */
public abstract class CatalogResource<V extends CatalogView, L extends CatalogList> {

    private final Catalog<V, L> catalog;

    @Inject
    CatalogService catalogs;

    @Inject
    JsonBodies bodies;

    CatalogResource(Catalog<V, L> catalog) {
        this.catalog = catalog;
    }

    @GET
    public Answer<L> list() {
        return catalogs.all(catalog);
    }

    @GET
    @Path("{slug}")
    public Answer<V> get(@PathParam("slug") String slug) {
        return catalogs.bySlug(catalog, slug);
    }

    @POST
    @Idempotent
    @Editor
    @Consumes(MediaType.APPLICATION_JSON)
    public Answer<V> create(byte[] body) {
        return catalogs.create(catalog, bodies.fields(body));
    }

    @PUT
    @Editor
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Answer<V> update(@PathParam("slug") String slug, byte[] body) {
        return catalogs.update(catalog, slug, bodies.fields(body));
    }

    @DELETE
    @Editor
    @Path("{slug}")
    public void delete(@PathParam("slug") String slug) {
        catalogs.delete(catalog, slug);
    }
}
