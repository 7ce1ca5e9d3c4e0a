package io.newsdesk.catalog;

import java.net.URI;

import io.newsdesk.auth.Editor;
import io.newsdesk.auth.Idempotent;
import io.newsdesk.body.JsonBodies;
import io.newsdesk.caching.CatalogFreshness;
import io.newsdesk.caching.Conditional;
import io.newsdesk.format.ModelWriter;
import io.newsdesk.format.Representations;
import io.newsdesk.links.Links;
import io.newsdesk.problem.ProblemException;
import io.newsdesk.selection.Words;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The resource of one catalog ({@code /v1/categories}, {@code /v1/sources}): HTTP in, views out; the work is
 * in {@link CatalogQueries} and {@link CatalogCommands}. Each catalog's resource is a subclass that names only
 * its path and its {@link Catalog}; the collaborators are injected into fields here, so that the subclasses
 * need no constructor that repeats them.
 */
public abstract class CatalogResource {

    private final Catalog<?> catalog;
    @Inject
    CatalogQueries queries;
    @Inject
    CatalogCommands commands;
    @Inject
    Representations representations;
    @Inject
    JsonBodies bodies;
    @Inject
    CatalogFreshness freshness;
    @Inject
    Conditional conditional;

    CatalogResource(Catalog<?> catalog) {
        this.catalog = catalog;
    }

    @GET
    public Response list(@Context UriInfo uri, @Context HttpHeaders headers) {
        ModelWriter writer = representations.negotiate(catalog.listType(), uri, headers);
        Links links = Links.of(uri);
        return conditional.answer(headers, links, writer, () -> freshness.validators(writer.format(), links),
                () -> queries.all(catalog, links));
    }

    @GET
    @Path("{slug}")
    public Response get(@PathParam("slug") String slug, @Context UriInfo uri, @Context HttpHeaders headers) {
        ModelWriter writer = representations.negotiate(catalog.viewType(), uri, headers);
        Links links = Links.of(uri);
        // the slug is checked first: the catalog validators are the same for every slug, and must not turn a
        // request for an entry that does not exist into a 304
        return conditional.answer(headers, links, writer, () -> {
            find(slug, links);
            return freshness.validators(writer.format(), links);
        }, () -> find(slug, links));
    }

    @POST
    @Idempotent
    @Editor
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(byte[] body, @Context UriInfo uri, @Context HttpHeaders headers) {
        ModelWriter writer = representations.negotiate(catalog.viewType(), uri, headers);
        String slug = commands.create(catalog, CatalogInput.from(catalog, bodies.fields(body)));
        Links links = Links.of(uri);
        return representations.created(URI.create(catalog.link().apply(links, slug)), find(slug, links), writer);
    }

    @PUT
    @Editor
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("slug") String slug, byte[] body, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        ModelWriter writer = representations.negotiate(catalog.viewType(), uri, headers);
        String updated = commands.update(catalog, slug, CatalogInput.from(catalog, bodies.fields(body)));
        return representations.ok(find(updated, Links.of(uri)), writer);
    }

    @DELETE
    @Editor
    @Path("{slug}")
    public Response delete(@PathParam("slug") String slug) {
        commands.delete(catalog, slug);
        return Response.noContent().build();
    }

    private CatalogView find(String slug, Links links) {
        return queries.bySlug(catalog, slug, links).orElseThrow(() -> ProblemException.notFound("No "
                + catalog.singular() + " with slug '" + Words.printable(slug) + "'. GET /v1/" + catalog.plural()
                + " lists them."));
    }
}
