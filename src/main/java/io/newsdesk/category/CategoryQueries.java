package io.newsdesk.category;

import java.util.List;
import java.util.Optional;

import io.newsdesk.links.Links;
import io.newsdesk.selection.SelectionParser;
import io.newsdesk.system.Database;
import jakarta.enterprise.context.ApplicationScoped;

/** Categories with exact article counts, counted in the database (one grouped query, no N+1). */
@ApplicationScoped
class CategoryQueries {

    private static final String COUNTED = "select c.slug, c.name, count(a.id) from Category c"
            + " left join Article a on a.category = c";

    private final Database database;

    CategoryQueries(Database database) {
        this.database = database;
    }

    CategoryList all(Links links) {
        return new CategoryList(database.em()
                .createQuery(COUNTED + " group by c.id, c.slug, c.name order by c.name, c.slug", Object[].class)
                .getResultStream().map(row -> view(row, links)).toList());
    }

    /** Empty for a slug that cannot exist, without asking the database. */
    Optional<CategoryView> bySlug(String slug, Links links) {
        if (!SelectionParser.isSlug(slug)) {
            return Optional.empty();
        }
        return database.em()
                .createQuery(COUNTED + " where c.slug = :slug group by c.id, c.slug, c.name", Object[].class)
                .setParameter("slug", slug)
                .getResultStream().findFirst().map(row -> view(row, links));
    }

    private static CategoryView view(Object[] row, Links links) {
        String slug = (String) row[0];
        return new CategoryView(slug, (String) row[1], (Long) row[2], links.category(slug));
    }

}
