package io.newsdesk.article;

import java.util.List;

import io.newsdesk.body.BodyFields;
import io.newsdesk.body.BodyLine;
import io.newsdesk.caching.Validators;
import io.newsdesk.links.Links;
import io.newsdesk.pipeline.Answer;
import io.newsdesk.selection.Selection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The article feature as its resources see it: each read or write becomes an {@link Answer} of a typed model,
 * joining the queries (what is read), the freshness (its validators) and the commands (what is written).
 */
@ApplicationScoped
class ArticleService {

    private final ArticleQueries queries;
    private final ArchiveQueries archive;
    private final ArchivedFeeds feeds;
    private final ArticleCommands commands;
    private final ArticleFreshness freshness;
    private final CreateQueue creates;

    ArticleService(
            ArticleQueries queries,
            ArchiveQueries archive,
            ArchivedFeeds feeds,
            ArticleCommands commands,
            ArticleFreshness freshness,
            CreateQueue creates) {
        this.queries = queries;
        this.archive = archive;
        this.feeds = feeds;
        this.commands = commands;
        this.freshness = freshness;
        this.creates = creates;
    }

    /**
     * A page of a selection (and, in CSV, all of it), or in a feed format an RFC 5005 document of it (see
     * {@link ArchivedFeeds}); its ETag is a digest of its bytes.
     */
    Answer<ArticleSelection> select(Selection selection) {
        return Answer.rendered(
                        (format, links) -> feeds.read(selection, format, links),
                        freshness::lastModified,
                        (format, links) -> freshness.selection(feeds.checked(selection, format), format, links))
                .lasting(feeds.lifetime(selection));
    }

    /** One article; under embargo it exists only for an editor ({@code scheduled}), else it is a 404. */
    Answer<ArticleView> byId(long id, boolean scheduled) {
        return Answer.read(
                (format, links) -> validators(id, format, links, scheduled), links -> find(id, links, scheduled));
    }

    /** The days of a selection's filters that have articles. */
    Answer<DayList> days(Selection filters) {
        return Answer.read(
                (format, links) -> freshness.selection(filters, format, links), links -> archive.days(filters, links));
    }

    /** Creates the article now; the answer is what a GET of its Location gives, body and tag, not read back. */
    Answer<ArticleView> create(BodyFields fields) {
        WrittenArticle created = creates.create(fields);
        return Answer.created(links -> links.article(created.id()), links -> queries.view(created, links))
                .tagged((format, links) -> freshness.article(created, format, links));
    }

    /** A bulk import: the good lines written in one transaction, the report says what became of each line. */
    Answer<ImportReport> createAll(List<BodyLine> lines) {
        List<ArticleCommands.Imported> imported = commands.createAll(lines);
        return Answer.written(links -> ImportReport.of(imported, links));
    }

    Answer<ArticleView> update(long id, BodyFields fields, String ifMatch) {
        commands.update(id, fields, ifMatch);
        return Answer.written(links -> find(id, links, true))
                .tagged((format, links) -> validators(id, format, links, true));
    }

    void delete(long id, String ifMatch) {
        commands.delete(id, ifMatch);
    }

    Answer<ViewCount> view(long id) {
        ViewCount count = new ViewCount(id, commands.view(id));
        return Answer.written(links -> count);
    }

    private Validators validators(long id, String format, Links links, boolean scheduled) {
        return freshness.article(id, format, links, scheduled).orElseThrow(() -> ArticleCommands.notFound(id));
    }

    private ArticleView find(long id, Links links, boolean scheduled) {
        return queries.byId(id, links, scheduled).orElseThrow(() -> ArticleCommands.notFound(id));
    }
}
