package io.newsdesk.article;

import java.net.URI;

import io.newsdesk.auth.Editor;
import io.newsdesk.auth.Idempotent;
import io.newsdesk.body.JsonBodies;
import io.newsdesk.caching.Conditional;
import io.newsdesk.caching.Validators;
import io.newsdesk.format.ModelWriter;
import io.newsdesk.format.Representations;
import io.newsdesk.links.Links;
import io.newsdesk.selection.Selection;
import io.newsdesk.selection.SelectionParser;
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
 * {@code /v1/articles}: the request becomes a Selection, {@link ArticleQueries} answers it, and the writer
 * chosen by negotiation serializes the answer. Writes go through {@link ArticleCommands}.
 */
@Path("/v1/articles")
public class ArticleResource {

    private final SelectionParser selections;
    private final ArticleQueries queries;
    private final ArticleCommands commands;
    private final Representations representations;
    private final JsonBodies bodies;
    private final ArticleFreshness freshness;
    private final Conditional conditional;

    ArticleResource(SelectionParser selections, ArticleQueries queries, ArticleCommands commands,
            Representations representations, JsonBodies bodies, ArticleFreshness freshness,
            Conditional conditional) {
        this.freshness = freshness;
        this.conditional = conditional;
        this.selections = selections;
        this.queries = queries;
        this.commands = commands;
        this.representations = representations;
        this.bodies = bodies;
    }

    @GET
    public Response list(@Context UriInfo uri, @Context HttpHeaders headers) {
        ModelWriter writer = representations.negotiate(ArticleSelection.class, uri, headers);
        Selection selection = selections.articles(uri.getQueryParameters());
        Links links = Links.of(uri);
        return conditional.answerRendered(headers, links, writer, ArticleSelection.class,
                () -> freshness.selection(selection, writer.format(), links), () -> queries.select(selection, links),
                freshness::lastModified);
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        ModelWriter writer = representations.negotiate(ArticleView.class, uri, headers);
        long articleId = ArticleIds.parse(id);
        Links links = Links.of(uri);
        return conditional.answer(headers, links, writer, () -> validators(articleId, writer, links),
                () -> find(articleId, links));
    }

    @POST
    @Idempotent
    @Editor
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(byte[] body, @Context UriInfo uri, @Context HttpHeaders headers) {
        ModelWriter writer = representations.negotiate(ArticleView.class, uri, headers);
        WrittenArticle created = commands.create(bodies.fields(body));
        Links links = Links.of(uri);
        String location = links.article(created.id());
        // what a GET of the Location (same query, so same format) answers, body and tag, without reading it back
        return conditional.tagged(
                representations.created(URI.create(location), queries.view(created, links), writer),
                freshness.article(created, writer.format(), links.at(location)));
    }

    @PUT
    @Editor
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, byte[] body, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        ModelWriter writer = representations.negotiate(ArticleView.class, uri, headers);
        long articleId = ArticleIds.parse(id);
        commands.update(articleId, bodies.fields(body), headers.getHeaderString(HttpHeaders.IF_MATCH));
        Links links = Links.of(uri);
        return conditional.tagged(representations.ok(find(articleId, links), writer),
                validators(articleId, writer, links));
    }

    @DELETE
    @Editor
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context HttpHeaders headers) {
        commands.delete(ArticleIds.parse(id), headers.getHeaderString(HttpHeaders.IF_MATCH));
        return Response.noContent().build();
    }

    @POST
    @Idempotent
    @Path("{id}/views")
    public Response view(@PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        ModelWriter writer = representations.negotiate(ViewCount.class, uri, headers);
        long articleId = ArticleIds.parse(id);
        return representations.ok(new ViewCount(articleId, commands.view(articleId)), writer);
    }

    private Validators validators(long id, ModelWriter writer, Links links) {
        return freshness.article(id, writer.format(), links).orElseThrow(() -> ArticleCommands.notFound(id));
    }

    private ArticleView find(long id, Links links) {
        return queries.byId(id, links).orElseThrow(() -> ArticleCommands.notFound(id));
    }
}
