package io.newsdesk.article;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.newsdesk.body.BodyFields;
import io.newsdesk.caching.ContentChanges;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/**
 * The categories and sources that new articles name, found by their slugs in one query however many articles
 * there are: where each article is filed, or which of its slugs names nothing.
 */
final class Placements {

    private static final String FIND = "select 'category' as \"kind\", id as \"id\", slug as \"slug\", name as"
            + " \"name\", updated_at as \"updatedAt\" from category where slug in (:categories) union all select"
            + " 'source', id, slug, name, updated_at from source where slug in (:sources)";
    /** Never a slug (slugs are not empty): stands for "none" in an IN list, which may not be empty. */
    private static final List<String> NONE = List.of("");

    private record Entry(long id, String name, Instant updatedAt) {}

    private final Map<String, Entry> categories = new HashMap<>();
    private final Map<String, Entry> sources = new HashMap<>();

    private Placements() {}

    /** The categories and sources these inputs name (slugs that failed their own checks are null and skipped). */
    static Placements find(EntityManager em, Collection<ArticleInput> inputs) {
        Set<String> categories = new TreeSet<>();
        Set<String> sources = new TreeSet<>();
        for (ArticleInput input : inputs) {
            if (input.category() != null) {
                categories.add(input.category());
            }
            if (input.source() != null) {
                sources.add(input.source());
            }
        }
        Placements found = new Placements();
        if (categories.isEmpty() && sources.isEmpty()) {
            return found;
        }
        List<?> rows = em.createNativeQuery(FIND, Tuple.class)
                .setParameter("categories", categories.isEmpty() ? NONE : List.copyOf(categories))
                .setParameter("sources", sources.isEmpty() ? NONE : List.copyOf(sources))
                .getResultList();
        for (Object item : rows) {
            Tuple row = (Tuple) item;
            Entry entry = new Entry(
                    row.get("id", Number.class).longValue(),
                    row.get("name", String.class),
                    ContentChanges.instant(row.get("updatedAt")));
            ("category".equals(row.get("kind", String.class).strip()) ? found.categories : found.sources)
                    .put(row.get("slug", String.class), entry);
        }
        return found;
    }

    /** Adds a field error for each slug of {@code input} that names nothing. */
    void report(ArticleInput input, BodyFields fields) {
        if (input.category() != null && !categories.containsKey(input.category())) {
            fields.error("category", unknownCategory(input.category()));
        }
        if (input.source() != null && !sources.containsKey(input.source())) {
            fields.error("source", unknownSource(input.source()));
        }
    }

    /** Where {@code input} is filed, once {@link #report} found nothing to say about it. */
    Placement of(ArticleInput input) {
        Entry category = categories.get(input.category());
        Entry source = sources.get(input.source());
        if (category == null || source == null) {
            throw new IllegalStateException("an article input without both slugs passed its checks");
        }
        return new Placement(
                category.id(),
                input.category(),
                category.name(),
                category.updatedAt(),
                source.id(),
                input.source(),
                source.name(),
                source.updatedAt());
    }

    static String unknownCategory(String slug) {
        return "no category has slug '" + slug + "'; see /v1/categories.";
    }

    static String unknownSource(String slug) {
        return "no source has slug '" + slug + "'; see /v1/sources.";
    }
}
