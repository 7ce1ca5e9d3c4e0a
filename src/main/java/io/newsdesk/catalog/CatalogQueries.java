package io.newsdesk.catalog;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.newsdesk.links.Links;
import io.newsdesk.selection.SelectionParser;
import io.newsdesk.system.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

/** Entries of a catalog with exact article counts, counted in the database (one grouped query, no N+1). */
@ApplicationScoped
class CatalogQueries {

    private final Database database;

    CatalogQueries(Database database) {
        this.database = database;
    }

    <V extends CatalogView, L extends CatalogList> L all(Catalog<V, L> catalog, Links links) {
        List<V> views = counted(catalog, "", " order by e.name, e.slug")
                .getResultStream()
                .map(row -> catalog.view().apply(row, links))
                .toList();
        return catalog.list().apply(views);
    }

    /** Empty for a slug that cannot exist, without asking the database. */
    <V extends CatalogView> Optional<V> bySlug(Catalog<V, ?> catalog, String slug, Links links) {
        if (!SelectionParser.isSlug(slug)) {
            return Optional.empty();
        }
        return counted(catalog, " where e.slug = :slug", "")
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst()
                .map(row -> catalog.view().apply(row, links));
    }

    private TypedQuery<CatalogRow> counted(Catalog<?, ?> catalog, String where, String order) {
        String website = catalog.website() ? ", e.url" : "";
        return database.em()
                .createQuery(
                        "select new io.newsdesk.catalog.CatalogRow(e.slug, e.name, count(a.id)"
                                + website + ") from " + catalog.entityName() + " e left join Article a on a."
                                + catalog.singular() + " = e and a.publishedAt <= :visibleAt" + where
                                + " group by e.id, e.slug, e.name" + website
                                + order,
                        CatalogRow.class)
                // embargoed articles are not counted until their publishedAt (the public never sees them before)
                .setParameter("visibleAt", Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
