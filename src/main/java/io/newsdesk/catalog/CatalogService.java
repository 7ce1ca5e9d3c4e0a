package io.newsdesk.catalog;

import io.newsdesk.body.BodyFields;
import io.newsdesk.caching.CatalogFreshness;
import io.newsdesk.links.Links;
import io.newsdesk.pipeline.Answer;
import io.newsdesk.problem.ProblemException;
import io.newsdesk.selection.Words;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A catalog as its resources see it: each read or write becomes an {@link Answer} of the catalog's view or
 * list, joining {@link CatalogQueries}, {@link CatalogCommands} and the catalog validators.
 */
@ApplicationScoped
class CatalogService {

    private final CatalogQueries queries;
    private final CatalogCommands commands;
    private final CatalogFreshness freshness;

    CatalogService(CatalogQueries queries, CatalogCommands commands, CatalogFreshness freshness) {
        this.queries = queries;
        this.commands = commands;
        this.freshness = freshness;
    }

    <L extends CatalogList> Answer<L> all(Catalog<?, L> catalog) {
        return Answer.read(freshness::validators, links -> queries.all(catalog, links));
    }

    /**
     * One entry. The slug is checked before the validators: they are the same for every slug of the catalogs,
     * and must not turn a request for an entry that does not exist into a 304.
     */
    <V extends CatalogView> Answer<V> bySlug(Catalog<V, ?> catalog, String slug) {
        return Answer.read(
                (format, links) -> {
                    find(catalog, slug, links);
                    return freshness.validators(format, links);
                },
                links -> find(catalog, slug, links));
    }

    <V extends CatalogView> Answer<V> create(Catalog<V, ?> catalog, BodyFields fields) {
        String slug = commands.create(catalog, CatalogInput.from(catalog, fields));
        return Answer.created(links -> catalog.link().apply(links, slug), links -> find(catalog, slug, links));
    }

    <V extends CatalogView> Answer<V> update(Catalog<V, ?> catalog, String slug, BodyFields fields) {
        String updated = commands.update(catalog, slug, CatalogInput.from(catalog, fields));
        return Answer.written(links -> find(catalog, updated, links));
    }

    void delete(Catalog<?, ?> catalog, String slug) {
        commands.delete(catalog, slug);
    }

    private <V extends CatalogView> V find(Catalog<V, ?> catalog, String slug, Links links) {
        return queries.bySlug(catalog, slug, links)
                .orElseThrow(() -> ProblemException.notFound("No "
                        + catalog.singular() + " with slug '" + Words.printable(slug) + "'. GET /v1/" + catalog.plural()
                        + " lists them."));
    }
}
