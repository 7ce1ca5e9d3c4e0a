package io.newsdesk.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Tags;
import io.quarkus.micrometer.runtime.HttpServerMetricsTagsContributor;
import jakarta.inject.Singleton;

/**
 * Adds {@code format} and {@code endpoint} to {@code http_server_requests_seconds}, so that request rate and
 * latency are there per endpoint and per format. Micrometer's own {@code uri} tag is the route template, but it
 * is {@code REDIRECTION} for every 3xx, 304s included; {@code endpoint} is the template for those too. The format is read from the response's media type; a 304 has none, so
 * then from the request's {@code format} parameter; a fixed set of values keeps the number of series small.
 */
@Singleton
class RequestTags implements HttpServerMetricsTagsContributor {

    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "application/json",
            "json",
            "application/xml",
            "xml",
            "text/csv",
            "csv",
            "application/rss+xml",
            "rss",
            "application/atom+xml",
            "atom",
            "application/feed+json",
            "jsonfeed",
            "application/problem+json",
            "problem",
            "text/html",
            "html",
            "text/event-stream",
            "events");
    private static final Map<Pattern, String> ROUTES = routes(
            "/v1/articles",
            "/v1/articles/{id}",
            "/v1/articles/{id}/views",
            "/v1/categories",
            "/v1/categories/{slug}",
            "/v1/sources",
            "/v1/sources/{slug}",
            "/v1/dates",
            "/v1/changes",
            "/v1/changes/events",
            "/v1/websub");
    private static final Set<String> FORMATS = Set.of("json", "xml", "csv", "rss", "atom", "jsonfeed", "html");

    private static Map<Pattern, String> routes(String... templates) {
        Map<Pattern, String> routes = new LinkedHashMap<>();
        for (String template : templates) {
            routes.put(Pattern.compile(template.replaceAll("\\{[a-z]+}", "[^/]+") + "/?"), template);
        }
        return routes;
    }

    @Override
    public Tags contribute(Context context) {
        return Tags.of(
                "format",
                format(context),
                "endpoint",
                endpoint(context.request().path()));
    }

    /** The route template of a Newsdesk path, or {@code other}. */
    static String endpoint(String path) {
        if (path == null) {
            return "other";
        }
        for (Map.Entry<Pattern, String> route : ROUTES.entrySet()) {
            if (route.getKey().matcher(path).matches()) {
                return route.getValue();
            }
        }
        return path.startsWith("/q/") ? path : "other";
    }

    private static String format(Context context) {
        String type =
                context.response() == null ? null : context.response().headers().get("Content-Type");
        if (type != null) {
            int end = type.indexOf(';');
            return MEDIA_TYPES.getOrDefault(
                    (end < 0 ? type : type.substring(0, end)).strip().toLowerCase(), "other");
        }
        String requested = context.request().getParam("format");
        return requested != null && FORMATS.contains(requested) ? requested : "none";
    }
}
