package io.newsdesk.article;

import io.newsdesk.auth.Reader;
import io.newsdesk.pipeline.Answer;
import io.newsdesk.selection.SelectionParser;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/** {@code /v1/dates}: the days that have articles in the selection, newest first, the whole list. */
@Path("/v1/dates")
public class DatesResource {

    private final SelectionParser selections;
    private final ArticleService articles;
    private final Reader reader;

    DatesResource(SelectionParser selections, ArticleService articles, Reader reader) {
        this.selections = selections;
        this.articles = articles;
        this.reader = reader;
    }

    @GET
    public Answer<DayList> list(@Context UriInfo uri) {
        return articles.days(selections.filters(uri.getQueryParameters()).visibleTo(reader.editor()));
    }
}
