package io.newsdesk.websub;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.newsdesk.article.ArticleQueries;
import io.newsdesk.article.ArticleSelection;
import io.newsdesk.article.ChangeLog;
import io.newsdesk.format.ModelWriter;
import io.newsdesk.format.Rendered;
import io.newsdesk.format.Representations;
import io.newsdesk.links.Links;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * A topic's document as a public GET of the topic URL renders it, and the hub its feeds name. Subscribers of one
 * topic share a rendering: a document rendered after the change log reached position P (read before rendering, so
 * every change numbered up to P had committed) shows every change up to P, and serves any delivery that answers
 * changes up to P; a delivery of a later change renders again.
 */
@ApplicationScoped
class TopicDocuments {

    private static final int MAX_KEPT = 10_000;

    private final ArticleQueries articles;
    private final Representations representations;
    private final Optional<String> externalHub;
    private final ChangeLog log;
    private final Map<String, Rendering> renderings = new ConcurrentHashMap<>();

    /** A topic's document as rendered once the log had reached {@code position}. */
    private record Rendering(long position, Rendered document) {}

    TopicDocuments(ArticleQueries articles, Representations representations, ChangeLog log, WebSubConfig config) {
        this.log = log;
        this.articles = articles;
        this.representations = representations;
        this.externalHub = config.hub();
    }

    /** The topic's document showing at least every change up to {@code seq}, shared with other subscribers. */
    Rendered render(Topic topic, long seq) {
        Rendering known = renderings.get(topic.url());
        if (known != null && known.position() >= seq) {
            return known.document();
        }
        long position = log.position().last();
        Rendered document = render(topic);
        if (renderings.size() > MAX_KEPT) {
            renderings.clear();
        }
        renderings.merge(
                topic.url(), new Rendering(position, document), (a, b) -> a.position() >= b.position() ? a : b);
        return document;
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
