package io.newsdesk.article;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.newsdesk.format.FeedDocument;
import io.newsdesk.format.FeedDocument.Filter;

/**
 * What a page of a selection shows beyond its feed: the active filters, each with the URL of the same selection
 * without it (the "(remove)" links of an HTML page). Removing a filter keeps every other parameter of the
 * request as the client wrote it (format, sort, limit, the other filters) and drops the cursor, since a cursor
 * is bound to the filters it was made for.
 */
final class ArticlePages {

    private ArticlePages() {}

    static FeedDocument document(ArticleSelection selection) {
        return ArticleFeeds.document(selection)
                .withFilters(filters(selection.slugs(), selection.links().request()));
    }

    static List<Filter> filters(ResolvedSlugs slugs, URI request) {
        List<Param> params = params(request.getRawQuery());
        List<Filter> filters = new ArrayList<>();
        slugs.categories()
                .forEach(c -> filters.add(filter("Category: " + c.name(), request, params, "category", c.slug())));
        slugs.sources().forEach(s -> filters.add(filter("Source: " + s.name(), request, params, "source", s.slug())));
        for (String[] single : new String[][] {{"date", "Day"}, {"from", "From"}, {"to", "To"}, {"q", "Words"}}) {
            params.stream()
                    .filter(p -> p.name().equals(single[0]) && !p.value().isEmpty())
                    .findFirst()
                    .ifPresent(p -> filters.add(filter(single[1] + ": " + p.value(), request, params, p.name(), null)));
        }
        return filters;
    }

    /** The request without {@code cursor} and without this parameter (every value, or only {@code value}). */
    private static Filter filter(String label, URI request, List<Param> params, String name, String value) {
        List<String> kept = params.stream()
                .filter(p -> !p.name().equals("cursor"))
                .filter(p ->
                        !(p.name().equals(name) && (value == null || p.value().equals(value))))
                .map(Param::raw)
                .toList();
        String url = request.getScheme() + "://" + request.getRawAuthority() + request.getRawPath()
                + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        return new Filter(label, url);
    }

    private static List<Param> params(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(rawQuery.split("&"))
                .filter(raw -> !raw.isEmpty())
                .map(Param::of)
                .toList();
    }

    /** One {@code name=value} pair of a query, decoded, with its text as the client sent it. */
    private record Param(String name, String value, String raw) {

        static Param of(String raw) {
            String[] pair = raw.split("=", 2);
            try {
                return new Param(decode(pair[0]), pair.length == 2 ? decode(pair[1]) : "", raw);
            } catch (IllegalArgumentException malformed) {
                return new Param(pair[0], pair.length == 2 ? pair[1] : "", raw);
            }
        }

        private static String decode(String text) {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
    }
}
