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

    private static final String COUNTED = "select new io.newsdesk.category.CountedCategory(c.slug, c.name,"
            + " count(a.id)) from Category c left join Article a on a.category = c";

    private final Database database;

    CategoryQueries(Database database) {
        this.database = database;
    }

    CategoryList all(Links links) {
        return new CategoryList(database.em()
                .createQuery(COUNTED + " group by c.id, c.slug, c.name order by c.name, c.slug",
                        CountedCategory.class)
                .getResultStream().map(row -> row.view(links)).toList());
    }

    /** Empty for a slug that cannot exist, without asking the database. */
    Optional<CategoryView> bySlug(String slug, Links links) {
        if (!SelectionParser.isSlug(slug)) {
            return Optional.empty();
        }
        return database.em()
                .createQuery(COUNTED + " where c.slug = :slug group by c.id, c.slug, c.name", CountedCategory.class)
                .setParameter("slug", slug)
                .getResultStream().findFirst().map(row -> row.view(links));
    }
}
