package io.newsdesk.category;

import io.newsdesk.auth.Editor;
import io.newsdesk.auth.Idempotent;
import io.newsdesk.body.JsonBodies;
import io.newsdesk.caching.CatalogFreshness;
import io.newsdesk.links.Links;
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

/** {@code /v1/categories}: HTTP in, views out; the work is in {@link CategoryQueries} and {@link CategoryCommands}. */
@Path("/v1/categories")
public class CategoryResource {

    private final CategoryQueries queries;
    private final CategoryCommands commands;
    private final JsonBodies bodies;
    private final CatalogFreshness freshness;

    CategoryResource(CategoryQueries queries, CategoryCommands commands, JsonBodies bodies,
            CatalogFreshness freshness) {
        this.freshness = freshness;
        this.queries = queries;
        this.commands = commands;
        this.bodies = bodies;
    }

    @GET
    public Answer<CategoryList> list() {
        return Answer.read(freshness::validators, links -> queries.all(links));
    }

    @GET
    @Path("{slug}")
    public Answer<CategoryView> get(@PathParam("slug") String slug) {
        // the slug is checked first: the catalog validators are the same for every slug, and must not turn a
        // request for a category that does not exist into a 304
        return Answer.read((format, links) -> {
            find(slug, links);
            return freshness.validators(format, links);
        }, links -> find(slug, links));
    }

    @POST
    @Idempotent
    @Editor
    @Consumes(MediaType.APPLICATION_JSON)
    public Answer<CategoryView> create(byte[] body) {
        String slug = commands.create(CategoryInput.from(bodies.fields(body)));
        return Answer.created(links -> links.category(slug), links -> find(slug, links));
    }

    @PUT
    @Editor
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Answer<CategoryView> update(@PathParam("slug") String slug, byte[] body) {
        String updated = commands.update(slug, CategoryInput.from(bodies.fields(body)));
        return Answer.written(links -> find(updated, links));
    }

    @DELETE
    @Editor
    @Path("{slug}")
    public void delete(@PathParam("slug") String slug) {
        commands.delete(slug);
    }

    private CategoryView find(String slug, Links links) {
        return queries.bySlug(slug, links)
                .orElseThrow(() -> ProblemException.notFound("No category with slug '" + Words.printable(slug)
                        + "'. GET /v1/categories lists them."));
    }
}
