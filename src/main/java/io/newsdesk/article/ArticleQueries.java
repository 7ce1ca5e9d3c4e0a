package io.newsdesk.article;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.newsdesk.caching.PollingInterval;
import io.newsdesk.format.FeedChannel;
import io.newsdesk.format.RowSource;
import io.newsdesk.links.Links;
import io.newsdesk.problem.ProblemException;
import io.newsdesk.selection.Cursor;
import io.newsdesk.selection.CursorCodec;
import io.newsdesk.selection.Selection;
import io.newsdesk.selection.Sort;
import io.newsdesk.system.Database;
import io.newsdesk.system.NewsdeskConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Reads articles into views: one page of a selection (keyset on (published_at, id), limit + 1 rows to know
 * whether a next page exists), one article, and the slugs-to-ids step that turns an unknown slug into a 404.
 * As a {@link RowSource} it reads a whole selection for the CSV writer: on PostgreSQL as CSV written by the database
 * in one COPY, on H2 in keyset batches.
 */
@ApplicationScoped
public class ArticleQueries implements RowSource<ArticleSelection> {

    /** Ids per query when a search's rows are read by id (a page is at most 101; an export reads batches). */
    private static final int ID_BATCH = 1000;

    private final Database database;
    private final TextSearch search;
    private final CursorCodec cursors;
    private final ZoneId zone;
    private final FeedDescriptions feeds;
    private final ArticleCsvCopy copy;

    private final FeedChannel channel;
    private final Permalinks permalinks;

    ArticleQueries(
            Database database,
            TextSearch search,
            CursorCodec cursors,
            NewsdeskConfig config,
            PollingInterval polling,
            ArticleCsvCopy copy,
            @ConfigProperty(name = "newsdesk.websub.hub") Optional<String> externalHub) {
        this.database = database;
        this.search = search;
        this.cursors = cursors;
        this.copy = copy;
        this.zone = config.timeZone();
        this.channel = new FeedChannel(config.language(), polling.interval());
        this.permalinks = new Permalinks(config);
        this.feeds = new FeedDescriptions(zone, channel, permalinks, externalHub);
    }

    /**
     * The selection's page and feed description, and what streaming all of it reads; unknown slugs are 404. As a
     * feed, a first page that holds the whole selection is complete (RFC 5005), any other page one of a paged feed.
     */
    public ArticleSelection select(Selection selection, Links links) {
        ResolvedSlugs slugs = resolve(selection);
        List<Placed> rows = placed(selection, slugs, selection.limit() + 1, links);
        boolean more = rows.size() > selection.limit();
        List<Placed> items = rows.subList(0, Math.min(rows.size(), selection.limit()));
        FeedHistory history = more || selection.cursor().isPresent() ? FeedHistory.NONE : FeedHistory.COMPLETE;
        String next = more
                ? links.next(
                        cursors.encode(selection, items.get(items.size() - 1).position()))
                : null;
        return answer(selection, slugs, items.stream().map(Placed::view).toList(), next, links, history);
    }

    /**
     * The answer with these items of the selection: when {@code more} follow them, its {@code next} link starts
     * after the last one.
     */
    ArticleSelection answer(
            Selection selection,
            ResolvedSlugs slugs,
            List<ArticleView> items,
            boolean more,
            Links links,
            FeedHistory history) {
        String next = more ? links.next(cursors.encode(selection, positionOf(items.get(items.size() - 1)))) : null;
        return answer(selection, slugs, items, next, links, history);
    }

    private ArticleSelection answer(
            Selection selection,
            ResolvedSlugs slugs,
            List<ArticleView> items,
            String next,
            Links links,
            FeedHistory history) {
        ArticlePage page = new ArticlePage(List.copyOf(items), next);
        return new ArticleSelection(
                page, feeds.describe(selection, slugs, page, links, history), selection, slugs, links);
    }

    @Override
    public Class<ArticleSelection> modelType() {
        return ArticleSelection.class;
    }

    @Override
    public String tableName(ArticleSelection selection) {
        return selection.feed().name();
    }

    @Override
    public List<String> columns() {
        return ArticleView.COLUMNS;
    }

    /** Every article of the selection (after its cursor, if any), in its order, ignoring the page limit. */
    @Override
    public void rows(ArticleSelection selection, int batchSize, Consumer<List<List<Object>>> batches) {
        stream(
                selection.selection(),
                selection.slugs(),
                batchSize,
                selection.links(),
                views -> batches.accept(views.stream().map(ArticleView::cells).toList()));
    }

    /** On PostgreSQL the database writes the CSV itself, in one COPY ({@link ArticleCsvCopy}). */
    @Override
    public boolean copyCsv(ArticleSelection selection, byte[] header, OutputStream out) throws IOException {
        return copy.copy(selection, header, out);
    }

    private void stream(
            Selection selection, ResolvedSlugs slugs, int batchSize, Links links, Consumer<List<ArticleView>> sink) {
        Selection batch = selection;
        while (true) {
            List<Placed> rows = placed(batch, slugs, batchSize, links);
            if (!rows.isEmpty()) {
                sink.accept(rows.stream().map(Placed::view).toList());
            }
            if (rows.size() < batchSize) {
                return;
            }
            batch = batch.after(rows.get(rows.size() - 1).position());
        }
    }

    /** Up to {@code max} articles of the selection (after its cursor, if any), in its order. */
    List<ArticleView> rows(Selection selection, ResolvedSlugs slugs, int max, Links links) {
        return placed(selection, slugs, max, links).stream().map(Placed::view).toList();
    }

    /** An article of a page and its position in the selection's order (which, by relevance, has its rank). */
    private record Placed(ArticleView view, Cursor position) {}

    private List<Placed> placed(Selection selection, ResolvedSlugs slugs, int max, Links links) {
        if (!selection.search().isEmpty()) {
            return found(selection, slugs, max, links);
        }
        ArticleFilter filter = new ArticleFilter(selection, slugs, ArticleFilter.HQL, search);
        String direction = selection.sort() == Sort.OLDEST ? " asc" : " desc";
        String hql = ArticleRow.SELECT + filter.where() + " order by a.publishedAt" + direction + ", a.id" + direction;
        // A list, not getResultStream(): an unclosed result stream keeps its JDBC result set (every row of
        // the batch) until the request ends, so streaming a large selection would hold it all in memory.
        return filter.bind(em().createQuery(hql, ArticleRow.class)).setMaxResults(max).getResultList().stream()
                .map(row -> row.view(zone, links, channel, permalinks))
                .map(view -> new Placed(view, positionOf(view)))
                .toList();
    }

    /** A page of a search: the positions first (see {@link TextSearch}), then those articles' rows. */
    private List<Placed> found(Selection selection, ResolvedSlugs slugs, int max, Links links) {
        List<Cursor> positions = search.page(selection, slugs, max);
        if (positions.isEmpty()) {
            return List.of();
        }
        Map<Long, ArticleView> views = new HashMap<>();
        for (int from = 0; from < positions.size(); from += ID_BATCH) {
            List<Long> ids = positions.subList(from, Math.min(positions.size(), from + ID_BATCH)).stream()
                    .map(Cursor::id)
                    .toList();
            em().createQuery(ArticleRow.SELECT + " where a.id in (:ids)", ArticleRow.class)
                    .setParameter("ids", ids)
                    .getResultList()
                    .forEach(row -> views.put(row.id(), row.view(zone, links, channel, permalinks)));
        }
        // an article deleted between the two queries is left out
        return positions.stream()
                .filter(position -> views.containsKey(position.id()))
                .map(position -> new Placed(views.get(position.id()), position))
                .toList();
    }

    static Cursor positionOf(ArticleView view) {
        return new Cursor(view.publishedAt().toInstant(), view.id());
    }

    /** One article; under embargo only when {@code scheduled} (an editor reads). */
    public Optional<ArticleView> byId(long id, Links links, boolean scheduled) {
        return Embargoes.visible(
                        em().createQuery(
                                        ArticleRow.SELECT + " where a.id = :id" + Embargoes.unless(scheduled),
                                        ArticleRow.class)
                                .setParameter("id", id),
                        scheduled)
                .getResultStream()
                .findFirst()
                .map(row -> row.view(zone, links, channel, permalinks));
    }

    /** Category and source ids of the selection's slugs; a 404 problem naming every slug that does not exist. */
    ResolvedSlugs resolve(Selection selection) {
        List<CatalogRef> categories = found("Category", "category", selection.categories());
        List<CatalogRef> sources = found("Source", "source", selection.sources());
        return new ResolvedSlugs(categories, sources);
    }

    private List<CatalogRef> found(String entity, String parameter, List<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        List<CatalogRef> found = em().createQuery(
                        "select new io.newsdesk.article.CatalogRef(e.slug, e.id, e.name)" + " from " + entity
                                + " e where e.slug in (:slugs) order by e.name",
                        CatalogRef.class)
                .setParameter("slugs", slugs)
                .getResultList();
        TreeSet<String> missing = new TreeSet<>(slugs);
        found.forEach(ref -> missing.remove(ref.slug()));
        if (!missing.isEmpty()) {
            throw ProblemException.unknownSlug("No " + parameter + " with slug "
                    + missing.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "))
                    + ". GET /v1/" + (parameter.equals("category") ? "categories" : "sources")
                    + " lists the slugs that exist.");
        }
        return found;
    }

    /** The view of an article just written, as {@link #byId} would read it. */
    ArticleView view(WrittenArticle article, Links links) {
        return article.row().view(zone, links, channel, permalinks);
    }

    /** The filter of a selection on the active database, written in the given language. */
    ArticleFilter filter(Selection selection, ResolvedSlugs slugs, ArticleFilter.Columns columns) {
        return new ArticleFilter(selection, slugs, columns, search);
    }

    EntityManager em() {
        return database.em();
    }
}
