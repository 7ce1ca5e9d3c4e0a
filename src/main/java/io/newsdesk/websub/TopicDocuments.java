package io.newsdesk.websub;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.newsdesk.article.ArticleQueries;
import io.newsdesk.article.ArticleSelection;
import io.newsdesk.format.ModelWriter;
import io.newsdesk.format.Rendered;
import io.newsdesk.format.Representations;
import io.newsdesk.links.Links;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A topic's document as a public GET of the topic URL renders it now, and the hub its feeds name. */
@ApplicationScoped
class TopicDocuments {

    private final ArticleQueries articles;
    private final Representations representations;
    private final Optional<String> externalHub;

    TopicDocuments(ArticleQueries articles, Representations representations, WebSubConfig config) {
        this.articles = articles;
        this.representations = representations;
        this.externalHub = config.hub();
    }

    @Transactional
    Rendered render(Topic topic) {
        ModelWriter writer = representations.negotiate(ArticleSelection.class, List.of(topic.format()), null);
        ArticleSelection selection =
                articles.select(topic.selection(), new Links(topic.base(), URI.create(topic.url())));
        return representations.render(selection, writer);
    }

    /** The hub of a topic: the external one when set, else this API's hub endpoint at the topic's base. */
    String hub(URI base) {
        return externalHub.orElseGet(() -> base.resolve(Hub.PATH.substring(1)).toString());
    }
}
