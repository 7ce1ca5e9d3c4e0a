package io.newsdesk.source;

import java.util.Optional;

import io.newsdesk.selection.SelectionParser;
import io.newsdesk.system.Database;
import jakarta.enterprise.context.ApplicationScoped;

/** Sources with exact article counts, counted in the database (one grouped query, no N+1). */
@ApplicationScoped
class SourceQueries {

    private static final String COUNTED = "select new io.newsdesk.source.SourceView(s.slug, s.name, s.url,"
            + " count(a.id)) from Source s left join Article a on a.source = s";

    private final Database database;

    SourceQueries(Database database) {
        this.database = database;
    }

    SourceList all() {
        return new SourceList(database.em()
                .createQuery(COUNTED + " group by s.id, s.slug, s.name, s.url order by s.name, s.slug",
                        SourceView.class)
                .getResultStream().toList());
    }

    /** Empty for a slug that cannot exist, without asking the database. */
    Optional<SourceView> bySlug(String slug) {
        if (!SelectionParser.isSlug(slug)) {
            return Optional.empty();
        }
        return database.em()
                .createQuery(COUNTED + " where s.slug = :slug group by s.id, s.slug, s.name, s.url", SourceView.class)
                .setParameter("slug", slug)
                .getResultStream().findFirst();
    }
}
