package io.newsdesk.article;

import io.newsdesk.caching.Conditional;
import io.newsdesk.format.ModelWriter;
import io.newsdesk.format.Representations;
import io.newsdesk.links.Links;
import io.newsdesk.selection.Selection;
import io.newsdesk.selection.SelectionParser;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code /v1/dates}: the days that have articles in the selection, newest first, the whole list. */
@Path("/v1/dates")
public class DatesResource {

    private final SelectionParser selections;
    private final ArchiveQueries archive;
    private final Representations representations;
    private final ArticleFreshness freshness;
    private final Conditional conditional;

    DatesResource(SelectionParser selections, ArchiveQueries archive, Representations representations,
            ArticleFreshness freshness, Conditional conditional) {
        this.freshness = freshness;
        this.conditional = conditional;
        this.selections = selections;
        this.archive = archive;
        this.representations = representations;
    }

    @GET
    public Response list(@Context UriInfo uri, @Context HttpHeaders headers) {
        ModelWriter writer = representations.negotiate(DayList.class, uri, headers);
        Selection filters = selections.filters(uri.getQueryParameters());
        Links links = Links.of(uri);
        return conditional.answer(headers, links, writer, () -> freshness.selection(filters, writer.format(), links),
                () -> archive.days(filters, links));
    }
}
