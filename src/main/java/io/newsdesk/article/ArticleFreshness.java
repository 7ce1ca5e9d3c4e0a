package io.newsdesk.article;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import io.newsdesk.caching.ContentChanges;
import io.newsdesk.caching.Validators;
import io.newsdesk.format.Syndicated;
import io.newsdesk.links.Links;
import io.newsdesk.selection.Selection;
import io.newsdesk.system.Database;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Validators of article reads. A page's ETag is a digest of its bytes ({@code Conditional.answerRendered}) and
 * its Last-Modified {@link #lastModified}; the aggregate {@link #selection} state serves what has no bytes before
 * it is sent (a streamed CSV export) and the archive of days. A selection's state is (newest updated_at, count, total views) of the whole selection:
 * an insert or an update inside it moves the first, a delete or a move out of it changes the count, a view
 * changes the total; an edit outside it changes none of them. Feeds carry no view counts, so their tags
 * leave views out: a view must not cost every feed poller a 200. A selection's ETag leaves the removal
 * watermark out too (the count sees removals inside it; removals elsewhere must not change it); only
 * Last-Modified, which has no count, follows it. An article's tag starts with its id and version so that
 * If-Match can tell "same content" apart from "same view count".
 */
@ApplicationScoped
public class ArticleFreshness {

    /** Formats whose documents show no view counts: the feeds. */
    private static final Set<String> WITHOUT_VIEWS = Syndicated.FEED_FORMATS;

    private final Database database;
    private final ArticleQueries queries;
    private final ContentChanges changes;

    ArticleFreshness(Database database, ArticleQueries queries, ContentChanges changes) {
        this.database = database;
        this.queries = queries;
        this.changes = changes;
    }

    /** Validators of a page or export of this selection (404 for unknown slugs, like the read itself). */
    public Validators selection(Selection selection, String format, Links links) {
        Selection whole = selection.withoutCursor();
        ArticleFilter filter = queries.filter(whole, queries.resolve(whole), ArticleFilter.HQL);
        SelectionState state = filter.bind(
                        database.em().createQuery(SelectionState.SELECT + filter.where(), SelectionState.class))
                .getSingleResult();
        ContentChanges.Shared shared = changes.shared();
        Instant newest = state.newest() == null ? Instant.EPOCH : state.newest();
        return Validators.of(
                "",
                later(newest, shared.newest()),
                format,
                links.request(),
                state.newest(),
                state.count(),
                views(format, state.views()),
                shared.catalog());
    }

    /**
     * Last-Modified of a page of a selection: its newest article, or a later change every selection shares (a
     * category or source edit, a removal). A page's ETag is a digest of its bytes ({@code Validators.ofBytes}),
     * so serving it needs no aggregate over the whole selection; only a streamed export, which has no bytes
     * before it is sent, uses {@link #selection}.
     */
    Instant lastModified(ArticleSelection selection) {
        Instant newest = changes.shared().newest();
        for (ArticleView item : selection.page().items()) {
            // a released embargo changes the page at publishedAt, after the article's last edit
            newest = later(
                    later(newest, item.updatedAt().toInstant()),
                    item.publishedAt().toInstant());
        }
        return newest;
    }

    /** Validators of one article, or empty when it does not exist. */
    public Optional<Validators> article(long id, String format, Links links, boolean scheduled) {
        return Embargoes.visible(
                        database.em()
                                .createQuery(
                                        ArticleState.SELECT + " where a.id = :id" + Embargoes.unless(scheduled),
                                        ArticleState.class)
                                .setParameter("id", id),
                        scheduled)
                .getResultStream()
                .findFirst()
                .map(state -> validators(id, state, format, links));
    }

    /** Validators of an article just written, as {@link #article(long, String, Links)} would read them. */
    Validators article(WrittenArticle article, String format, Links links) {
        return validators(article.id(), article.state(), format, links);
    }

    private static Validators validators(long id, ArticleState state, String format, Links links) {
        return Validators.of(
                tagPrefix(id, state.version()),
                later(
                        later(later(state.updatedAt(), state.publishedAt()), state.categoryUpdatedAt()),
                        state.sourceUpdatedAt()),
                format,
                links.request(),
                state.updatedAt(),
                views(format, state.views()),
                state.categoryUpdatedAt(),
                state.sourceUpdatedAt());
    }

    private static Object views(String format, long views) {
        return WITHOUT_VIEWS.contains(format) ? "-" : views;
    }

    /** The start every tag of this article's current content has, whatever its format or view count. */
    static String tagPrefix(long id, long version) {
        return id + "." + version + ".";
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
