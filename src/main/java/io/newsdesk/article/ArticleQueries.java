package io.newsdesk.article;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.newsdesk.problem.ProblemException;
import io.newsdesk.selection.Cursor;
import io.newsdesk.selection.CursorCodec;
import io.newsdesk.selection.Selection;
import io.newsdesk.selection.Sort;
import io.newsdesk.system.Database;
import io.newsdesk.system.Links;
import io.newsdesk.system.NewsdeskConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Reads articles into views: one page of a selection (keyset on (published_at, id), limit + 1 rows to know
 * whether a next page exists), one article, and the slugs-to-ids step that turns an unknown slug into a 404.
 */
@ApplicationScoped
public class ArticleQueries {

    private static final String VIEW_COLUMNS = "select a.id, a.slug, a.title, a.summary, a.content, c.slug, c.name,"
            + " s.slug, s.name, a.publishedAt, a.updatedAt, a.originalUrl, a.isSummary, a.hasEditorialBias, a.views"
            + " from Article a join a.category c join a.source s";

    private final Database database;
    private final CursorCodec cursors;
    private final ZoneId zone;

    ArticleQueries(Database database, CursorCodec cursors, NewsdeskConfig config) {
        this.database = database;
        this.cursors = cursors;
        this.zone = config.timeZone();
    }

    public ArticlePage page(Selection selection, Links links) {
        ResolvedSlugs slugs = resolve(selection);
        ArticleFilter filter = new ArticleFilter(selection, slugs, ArticleFilter.HQL);
        String direction = selection.sort() == Sort.NEWEST ? " desc" : " asc";
        String hql = VIEW_COLUMNS + filter.where() + " order by a.publishedAt" + direction + ", a.id" + direction;
        List<Object[]> rows = filter.bind(em().createQuery(hql, Object[].class))
                .setMaxResults(selection.limit() + 1)
                .getResultList();
        List<ArticleView> items = new ArrayList<>(selection.limit());
        for (int i = 0; i < Math.min(rows.size(), selection.limit()); i++) {
            items.add(view(rows.get(i), links));
        }
        String next = null;
        if (rows.size() > selection.limit()) {
            ArticleView last = items.get(items.size() - 1);
            Cursor cursor = new Cursor(last.publishedAt().toInstant(), last.id());
            next = links.next(cursors.encode(selection, cursor));
        }
        return new ArticlePage(items, next);
    }

    public Optional<ArticleView> byId(long id, Links links) {
        return em().createQuery(VIEW_COLUMNS + " where a.id = :id", Object[].class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .map(row -> view(row, links));
    }

    /** Category and source ids of the selection's slugs; a 404 problem naming every slug that does not exist. */
    ResolvedSlugs resolve(Selection selection) {
        return new ResolvedSlugs(ids("Category", "category", selection.categories()),
                ids("Source", "source", selection.sources()));
    }

    private List<Long> ids(String entity, String parameter, List<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        List<Object[]> found = em().createQuery("select e.slug, e.id from " + entity + " e where e.slug in (:slugs)",
                Object[].class).setParameter("slugs", slugs).getResultList();
        TreeSet<String> missing = new TreeSet<>(slugs);
        found.forEach(row -> missing.remove((String) row[0]));
        if (!missing.isEmpty()) {
            throw ProblemException.unknownSlug("No " + parameter + " with slug "
                    + missing.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "))
                    + ". GET /v1/" + (parameter.equals("category") ? "categories" : "sources")
                    + " lists the slugs that exist.");
        }
        return found.stream().map(row -> (Long) row[1]).toList();
    }

    private ArticleView view(Object[] row, Links links) {
        long id = (Long) row[0];
        return new ArticleView(id, (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                new ArticleView.Ref((String) row[5], (String) row[6]),
                new ArticleView.Ref((String) row[7], (String) row[8]),
                ((Instant) row[9]).atZone(zone).toOffsetDateTime(),
                ((Instant) row[10]).atZone(zone).toOffsetDateTime(),
                (String) row[11], links.article(id), (Boolean) row[12], (Boolean) row[13], (Long) row[14]);
    }

    EntityManager em() {
        return database.em();
    }
}
