package io.newsdesk.article;

import io.newsdesk.auth.Editor;
import io.newsdesk.auth.Idempotent;
import io.newsdesk.auth.Reader;
import io.newsdesk.body.JsonBodies;
import io.newsdesk.pipeline.Answer;
import io.newsdesk.selection.SelectionParser;
import io.newsdesk.system.BodyLimits;
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
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /v1/articles}: the request becomes a Selection, an id or a body, and {@link ArticleService} answers
 * with a typed model; the pipeline negotiates, validates, caches and writes it.
 */
@Path("/v1/articles")
public class ArticleResource {

    private final SelectionParser selections;
    private final ArticleService articles;
    private final JsonBodies bodies;
    private final Reader reader;

    ArticleResource(SelectionParser selections, ArticleService articles, JsonBodies bodies, Reader reader) {
        this.selections = selections;
        this.articles = articles;
        this.bodies = bodies;
        this.reader = reader;
    }

    @GET
    public Answer<ArticleSelection> list(@Context UriInfo uri) {
        return articles.select(selections.articles(uri.getQueryParameters()).visibleTo(reader.editor()));
    }

    @GET
    @Path("{id}")
    public Answer<ArticleView> get(@PathParam("id") String id) {
        return articles.byId(ArticleIds.parse(id), reader.editor());
    }

    @POST
    @Idempotent
    @Editor
    @Consumes(MediaType.APPLICATION_JSON)
    public Answer<ArticleView> create(byte[] body) {
        return articles.create(bodies.fields(body));
    }

    /** A bulk import: one article per line (NDJSON), all in one transaction, with a report line by line. */
    @POST
    @Idempotent
    @Editor
    @Consumes(BodyLimits.NDJSON)
    public Answer<ImportReport> createAll(byte[] body) {
        return articles.createAll(bodies.lines(body));
    }

    @PUT
    @Editor
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Answer<ArticleView> update(@PathParam("id") String id, byte[] body, @Context HttpHeaders headers) {
        return articles.update(
                ArticleIds.parse(id), bodies.fields(body), headers.getHeaderString(HttpHeaders.IF_MATCH));
    }

    @DELETE
    @Editor
    @Path("{id}")
    public void delete(@PathParam("id") String id, @Context HttpHeaders headers) {
        articles.delete(ArticleIds.parse(id), headers.getHeaderString(HttpHeaders.IF_MATCH));
    }

    @POST
    @Idempotent
    @Path("{id}/views")
    public Answer<ViewCount> view(@PathParam("id") String id) {
        return articles.view(ArticleIds.parse(id));
    }
}
