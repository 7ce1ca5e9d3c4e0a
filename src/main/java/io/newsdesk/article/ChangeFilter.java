package io.newsdesk.article;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import io.newsdesk.selection.Selection;
import io.newsdesk.system.Database;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What a change means to a reader of one selection (a change stream's or a WebSub topic's): an article that entered
 * the selection is {@code created} for it, one that stayed in it {@code updated}, one that left it (deleted, moved
 * to another category, source or time, or back under embargo) {@code deleted}; a change outside it means nothing.
 * Category, source and time window are compared with where the change says the article was filed before and after;
 * words ({@code q}) with the article's text now, by the same query as every read. A deletion cannot be compared
 * with words that are gone, so a selection with words gets the tombstone of every article that left its
 * categories, sources and window (a client drops ids it never had).
 */
@ApplicationScoped
public class ChangeFilter {

    private final ArticleQueries queries;
    private final Database database;

    ChangeFilter(ArticleQueries queries, Database database) {
        this.queries = queries;
        this.database = database;
    }

    /** The selection's filters, resolved (an unknown slug is the same 404 problem as for a read). */
    public Matcher matcher(Selection selection) {
        Selection filters = selection.withoutCursor().visibleTo(false);
        ResolvedSlugs slugs = queries.resolve(filters);
        return new Matcher(filters, new HashSet<>(slugs.categoryIds()), new HashSet<>(slugs.sourceIds()), slugs);
    }

    /** One selection's view of changes. */
    public final class Matcher {

        private final Selection selection;
        private final Set<Long> categories;
        private final Set<Long> sources;
        private final ResolvedSlugs slugs;

        private Matcher(Selection selection, Set<Long> categories, Set<Long> sources, ResolvedSlugs slugs) {
            this.selection = selection;
            this.categories = categories;
            this.sources = sources;
            this.slugs = slugs;
        }

        /** The kind of event this change is for the selection, or empty when it does not concern it. */
        public Optional<String> kind(Change change) {
            boolean before = filed(change.before());
            boolean after = filed(change.after()) && (selection.search().isEmpty() || hasWords(change.articleId()));
            if (before && after) {
                return Optional.of(Change.UPDATED);
            }
            if (after) {
                return Optional.of(Change.CREATED);
            }
            return before ? Optional.of(Change.DELETED) : Optional.empty();
        }

        private boolean filed(Change.Placed placed) {
            if (placed == null) {
                return false;
            }
            Instant at = placed.publishedAt();
            return (categories.isEmpty() || categories.contains(placed.categoryId()))
                    && (sources.isEmpty() || sources.contains(placed.sourceId()))
                    && selection.from().map(from -> !at.isBefore(from)).orElse(true)
                    && selection.to().map(at::isBefore).orElse(true);
        }

        private boolean hasWords(long articleId) {
            return ChangeFilter.this.hasWords(selection, slugs, articleId);
        }
    }

    /** Whether the article, as it is now, matches the selection (its words included); call in a transaction. */
    boolean hasWords(Selection selection, ResolvedSlugs slugs, long articleId) {
        ArticleFilter filter = queries.filter(selection, slugs, ArticleFilter.HQL);
        String where = filter.where().isEmpty() ? " where a.id = :article" : filter.where() + " and a.id = :article";
        return !filter.bind(database.em().createQuery("select a.id from Article a" + where, Long.class))
                .setParameter("article", articleId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }
}
