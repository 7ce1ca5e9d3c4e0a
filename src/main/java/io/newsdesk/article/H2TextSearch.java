package io.newsdesk.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.newsdesk.selection.Cursor;
import io.newsdesk.selection.Selection;
import io.newsdesk.selection.Sort;
import io.newsdesk.selection.TextQuery;
import io.newsdesk.selection.Words;
import jakarta.persistence.EntityManager;

/**
 * What {@code q} means on the embedded H2, for {@link TextSearch}: every term is a LIKE over the lower-cased texts
 * (substrings, no stemming); relevance counts, per term that must occur, 4 for a hit in the title, 2 in the summary
 * and 1 in the content. Paging, the relevance window and the order are the same as on PostgreSQL.
 */
final class H2TextSearch {

    private static final String TEXT = "lower(%s || ' ' || %s || ' ' || %s)";

    private H2TextSearch() {}

    /** Adds the condition of {@code query} to {@code filter}: groups of LIKE / NOT LIKE terms joined by or. */
    static void restrict(ArticleFilter filter, TextQuery query, ArticleFilter.Columns c) {
        String text = String.format(TEXT, c.title(), c.summary(), c.content());
        Map<String, Object> values = new HashMap<>();
        List<String> groups = new ArrayList<>();
        for (TextQuery.Group group : query.groups()) {
            List<String> terms = new ArrayList<>();
            for (TextQuery.Term term : group.terms()) {
                String name = "term" + values.size();
                values.put(name, Words.likePattern(term.text()));
                terms.add(text + (term.negated() ? " not like :" : " like :") + name + " escape '\\'");
            }
            groups.add("(" + String.join(" and ", terms) + ")");
        }
        filter.add("(" + String.join(" or ", groups) + ")", values);
    }

    /** Positions of up to {@code max} articles of the search {@code filter} (in HQL) after its cursor, in order. */
    static List<Cursor> page(
            EntityManager em, ArticleFilter filter, Selection selection, int max, int relevanceWindow) {
        if (selection.sort() == Sort.RELEVANCE) {
            String hql = "select a.id, a.publishedAt from Article a" + filter.where()
                    + TextSearch.orderBy(Sort.NEWEST, "", "a.publishedAt", "a.id");
            List<Cursor> edge = filter
                    .bind(em.createQuery(hql, Object[].class))
                    .setFirstResult(relevanceWindow - 1)
                    .setMaxResults(1)
                    .getResultList()
                    .stream()
                    .map(row -> new Cursor((Instant) row[1], (Long) row[0], 0f))
                    .toList();
            TextSearch.window(filter, edge, "a.publishedAt", "a.id");
        }
        Map<String, Object> scoreValues = new HashMap<>();
        String rank = selection.sort() == Sort.RELEVANCE ? score(selection.search(), scoreValues) : "0";
        TextSearch.rankedAfter(filter, selection, rank, ":cursorRank", "a.publishedAt", "a.id");
        String hql = "select a.id, a.publishedAt, " + rank + " from Article a" + filter.where()
                + TextSearch.orderBy(selection.sort(), rank, "a.publishedAt", "a.id");
        var query = filter.bind(em.createQuery(hql, Object[].class)).setMaxResults(max);
        scoreValues.forEach(query::setParameter);
        return query.getResultList().stream()
                .map(row -> new Cursor((Instant) row[1], (Long) row[0], ((Number) row[2]).floatValue()))
                .toList();
    }

    /** Relevance: per term that must occur, 4 for the title, 2 for the summary, 1 for the content. */
    private static String score(TextQuery query, Map<String, Object> values) {
        List<String> parts = new ArrayList<>();
        for (TextQuery.Term term : query.positiveTerms()) {
            String name = "rank" + parts.size();
            values.put(name, Words.likePattern(term.text()));
            parts.add("(case when lower(a.title) like :" + name + " escape '\\' then 4 else 0 end + case when"
                    + " lower(a.summary) like :" + name + " escape '\\' then 2 else 0 end + case when"
                    + " lower(a.content) like :" + name + " escape '\\' then 1 else 0 end)");
        }
        return String.join(" + ", parts);
    }
}
