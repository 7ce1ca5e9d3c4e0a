package io.newsdesk.source;

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

/** {@code /v1/sources}: HTTP in, views out; the work is in {@link SourceQueries} and {@link SourceCommands}. */
@Path("/v1/sources")
public class SourceResource {

    private final SourceQueries queries;
    private final SourceCommands commands;
    private final Representations representations;
    private final JsonBodies bodies;
    private final CatalogFreshness freshness;
    private final Conditional conditional;

    SourceResource(SourceQueries queries, SourceCommands commands, Representations representations,
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
        ModelWriter writer = representations.negotiate(SourceList.class, uri, headers);
        Links links = Links.of(uri);
        return conditional.answer(headers, links, writer, () -> freshness.validators(writer.format(), links),
                queries::all);
    }

    @GET
    @Path("{slug}")
    public Response get(@PathParam("slug") String slug, @Context UriInfo uri, @Context HttpHeaders headers) {
        ModelWriter writer = representations.negotiate(SourceView.class, uri, headers);
        Links links = Links.of(uri);
        // the slug is checked first: the catalog validators are the same for every slug, and must not turn a
        // request for a source that does not exist into a 304
        return conditional.answer(headers, links, writer, () -> {
            find(slug);
            return freshness.validators(writer.format(), links);
        }, () -> find(slug));
    }

    @POST
    @Idempotent
    @Editor
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(byte[] body, @Context UriInfo uri, @Context HttpHeaders headers) {
        ModelWriter writer = representations.negotiate(SourceView.class, uri, headers);
        String slug = commands.create(SourceInput.from(bodies.fields(body)));
        return representations.created(URI.create(Links.of(uri).source(slug)), find(slug), writer);
    }

    @PUT
    @Editor
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("slug") String slug, byte[] body, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        ModelWriter writer = representations.negotiate(SourceView.class, uri, headers);
        String updated = commands.update(slug, SourceInput.from(bodies.fields(body)));
        return representations.ok(find(updated), writer);
    }

    @DELETE
    @Editor
    @Path("{slug}")
    public Response delete(@PathParam("slug") String slug) {
        commands.delete(slug);
        return Response.noContent().build();
    }

    private SourceView find(String slug) {
        return queries.bySlug(slug)
                .orElseThrow(() -> ProblemException.notFound("No source with slug '" + Words.printable(slug)
                        + "'. GET /v1/sources lists them."));
    }
}
