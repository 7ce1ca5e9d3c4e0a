package io.newsdesk.article;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.newsdesk.format.FeedChannel;
import io.newsdesk.links.Links;
import io.newsdesk.selection.Selection;

/** Titles and descriptions that tell a feed reader which selection a feed is. */
final class FeedDescriptions {

    private final ZoneId zone;
    private final FeedChannel channel;
    private final Permalinks permalinks;
    private final Optional<String> externalHub;

    FeedDescriptions(ZoneId zone, FeedChannel channel, Permalinks permalinks, Optional<String> externalHub) {
        this.zone = zone;
        this.channel = channel;
        this.permalinks = permalinks;
        this.externalHub = externalHub;
    }

    /**
     * The WebSub hub of a selection's feed: {@code newsdesk.websub.hub} when set, else this API's own hub at the
     * request's base; none for a page after the first or an
     * archive document (no topic the hub takes).
     */
    private String hub(Selection selection, Links links) {
        if (selection.cursor().isPresent() || selection.archive().isPresent()) {
            return null;
        }
        String base = links.base().toString();
        return externalHub.orElseGet(() -> base + (base.endsWith("/") ? "" : "/") + "v1/websub");
    }

    /**
     * The feed of this page (or RFC 5005 document) of the selection. An archive document says which day it holds,
     * and its alternate is the whole selection as JSON (the archive exists in the feed formats only).
     */
    FeedInfo describe(Selection selection, ResolvedSlugs slugs, ArticlePage page, Links links, FeedHistory history) {
        String scope = scope(selection, slugs);
        String title = scope.isEmpty() ? "Newsdesk" : "Newsdesk: " + scope;
        String description = (scope.isEmpty() ? "All articles" : "Articles of " + scope)
                + selection.archive().map(day -> " published on " + day).orElse("") + ", "
                + selection.sort().param() + " first"
                + (selection.archive().isPresent() ? ": an archive of this feed." : ".");
        String alternate = selection.archive().isPresent()
                ? new Links(links.base(), URI.create(links.current())).withoutFormat()
                : links.withoutFormat();
        OffsetDateTime updated = page.items().stream()
                .map(ArticleFeeds::updated)
                .max(Comparator.naturalOrder())
                .orElse(Instant.EPOCH.atZone(zone).toOffsetDateTime());
        return new FeedInfo(
                name(selection),
                permalinks.selectionId(links),
                title,
                description,
                links.request().toString(),
                alternate,
                updated,
                channel,
                history,
                hub(selection, links));
    }

    /** articles[-categories][-sources][-words], ASCII, at most 100 characters: a CSV download's file name. */
    private static String name(Selection selection) {
        List<String> parts = new ArrayList<>(List.of("articles"));
        parts.addAll(selection.categories());
        parts.addAll(selection.sources());
        selection.search().positiveTerms().stream()
                .map(term -> ArticleSlugs.of(term.text()))
                .forEach(parts::add);
        String name = String.join("-", parts);
        return name.length() > 100 ? name.substring(0, 100).replaceAll("-+$", "") : name;
    }

    private static String scope(Selection selection, ResolvedSlugs slugs) {
        List<String> parts = new ArrayList<>();
        if (!slugs.categoryNames().isEmpty()) {
            parts.add(String.join(", ", slugs.categoryNames()));
        }
        if (!slugs.sourceNames().isEmpty()) {
            parts.add((parts.isEmpty() ? "" : "from ") + String.join(", ", slugs.sourceNames()));
        }
        if (!selection.search().isEmpty()) {
            parts.add("matching “" + selection.search().text() + "”");
        }
        return String.join(" ", parts);
    }
}
