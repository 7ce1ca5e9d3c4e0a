package io.newsdesk.category;

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

/** {@code /v1/categories}: HTTP in, views out; the work is in {@link CategoryQueries} and {@link CategoryCommands}. */
@Path("/v1/categories")
public class CategoryResource {

    private final CategoryQueries queries;
    private final CategoryCommands commands;
    private final Representations representations;
    private final JsonBodies bodies;
    private final CatalogFreshness freshness;
    private final Conditional conditional;

    CategoryResource(CategoryQueries queries, CategoryCommands commands, Representations representations,
            JsonBodies bodies, CatalogFreshness freshness, Conditional conditional) {
        this.freshness = freshness;
        this.conditional = conditional;
        this.queries = queries;
        this.commands = commands;
        this.representations = representations;
        this.bodies = bodies;
    }

    @GET
    public Response list(@Context UriInfo uri, @Context HttpHeaders headers) {
        ModelWriter writer = representations.negotiate(CategoryList.class, uri, headers);
        Links links = Links.of(uri);
        return conditional.answer(headers, links, writer, () -> freshness.validators(writer.format(), links),
                () -> queries.all(links));
    }

    @GET
    @Path("{slug}")
    public Response get(@PathParam("slug") String slug, @Context UriInfo uri, @Context HttpHeaders headers) {
        ModelWriter writer = representations.negotiate(CategoryView.class, uri, headers);
        Links links = Links.of(uri);
        // the slug is checked first: the catalog validators are the same for every slug, and must not turn a
        // request for a category that does not exist into a 304
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
        ModelWriter writer = representations.negotiate(CategoryView.class, uri, headers);
        String slug = commands.create(CategoryInput.from(bodies.fields(body)));
        Links links = Links.of(uri);
        return representations.created(URI.create(links.category(slug)), find(slug, links), writer);
    }

    @PUT
    @Editor
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("slug") String slug, byte[] body, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        ModelWriter writer = representations.negotiate(CategoryView.class, uri, headers);
        String updated = commands.update(slug, CategoryInput.from(bodies.fields(body)));
        return representations.ok(find(updated, Links.of(uri)), writer);
    }

    @DELETE
    @Editor
    @Path("{slug}")
    public Response delete(@PathParam("slug") String slug) {
        commands.delete(slug);
        return Response.noContent().build();
    }

    private CategoryView find(String slug, Links links) {
        return queries.bySlug(slug, links)
                .orElseThrow(() -> ProblemException.notFound("No category with slug '" + Words.printable(slug)
                        + "'. GET /v1/categories lists them."));
    }
}
