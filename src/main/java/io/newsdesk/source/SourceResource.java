package io.newsdesk.source;

import io.newsdesk.auth.Editor;
import io.newsdesk.auth.Idempotent;
import io.newsdesk.body.JsonBodies;
import io.newsdesk.caching.CatalogFreshness;
import io.newsdesk.pipeline.Answer;
import io.newsdesk.problem.ProblemException;
import io.newsdesk.selection.Words;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /v1/sources}: HTTP in, views out; the work is in {@link SourceQueries} and {@link SourceCommands}. */
@Path("/v1/sources")
public class SourceResource {

    private final SourceQueries queries;
    private final SourceCommands commands;
    private final JsonBodies bodies;
    private final CatalogFreshness freshness;

    SourceResource(SourceQueries queries, SourceCommands commands, JsonBodies bodies,
            CatalogFreshness freshness) {
        this.freshness = freshness;
        this.queries = queries;
        this.commands = commands;
        this.bodies = bodies;
    }

    @GET
    public Answer<SourceList> list() {
        return Answer.read(freshness::validators, links -> queries.all());
    }

    @GET
    @Path("{slug}")
    public Answer<SourceView> get(@PathParam("slug") String slug) {
        // the slug is checked first: the catalog validators are the same for every slug, and must not turn a
        // request for a source that does not exist into a 304
        return Answer.read((format, links) -> {
            find(slug);
            return freshness.validators(format, links);
        }, links -> find(slug));
    }

    @POST
    @Idempotent
    @Editor
    @Consumes(MediaType.APPLICATION_JSON)
    public Answer<SourceView> create(byte[] body) {
        String slug = commands.create(SourceInput.from(bodies.fields(body)));
        return Answer.created(links -> links.source(slug), links -> find(slug));
    }

    @PUT
    @Editor
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Answer<SourceView> update(@PathParam("slug") String slug, byte[] body) {
        String updated = commands.update(slug, SourceInput.from(bodies.fields(body)));
        return Answer.written(links -> find(updated));
    }

    @DELETE
    @Editor
    @Path("{slug}")
    public void delete(@PathParam("slug") String slug) {
        commands.delete(slug);
    }

    private SourceView find(String slug) {
        return queries.bySlug(slug)
                .orElseThrow(() -> ProblemException.notFound("No source with slug '" + Words.printable(slug)
                        + "'. GET /v1/sources lists them."));
    }
}
