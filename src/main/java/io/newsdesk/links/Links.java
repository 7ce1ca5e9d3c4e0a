package io.newsdesk.links;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.newsdesk.problem.ProblemException;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

/**
 * Absolute links of the API, made from the base URI the client used (scheme, host and port of the request),
 * so that permalinks and {@code next} links work behind any host name. {@code request} is the full request
 * URI, whose query a {@code next} link keeps.
 */
public record Links(URI base, URI request) {

    /**
     * The links of this request. Behind a proxy the scheme and host come from {@code X-Forwarded-Proto} and
     * {@code X-Forwarded-Host}; values that make no URI are the client's (or the proxy's) mistake: a 400.
     */
    public static Links of(UriInfo uri) {
        try {
            return new Links(uri.getBaseUri(), uri.getRequestUri());
        } catch (RuntimeException notAUri) {
            throw ProblemException.invalidHeader(
                    "X-Forwarded-Host",
                    "The X-Forwarded-Host or X-Forwarded-Proto"
                            + " header names no valid scheme, host and port, so no link can be made; send a host such as"
                            + " news.example.org:8443 and a scheme of http or https.");
        }
    }

    public String article(long id) {
        return UriBuilder.fromUri(base).path("v1/articles/{id}").build(id).toString();
    }

    public String category(String slug) {
        return UriBuilder.fromUri(base).path("v1/categories/{slug}").build(slug).toString();
    }

    public String source(String slug) {
        return UriBuilder.fromUri(base).path("v1/sources/{slug}").build(slug).toString();
    }

    /** The same query sent to another URL of the API: how a GET of a created resource's Location sees it. */
    public Links at(String url) {
        return new Links(
                base,
                UriBuilder.fromUri(url).replaceQuery(request.getRawQuery()).build());
    }

    /** This request again with {@code cursor} set: every filter, the sort, limit and format kept. */
    public String next(String cursor) {
        return UriBuilder.fromUri(request)
                .replaceQueryParam("cursor", cursor)
                .build()
                .toString();
    }

    /** This request with one query parameter set to {@code value} (replacing it), every other one kept. */
    public String with(String parameter, Object value) {
        return UriBuilder.fromUri(request)
                .replaceQueryParam(parameter, value)
                .build()
                .toString();
    }

    /** This request without {@code format}: the same resource in the default representation. */
    public String withoutFormat() {
        return UriBuilder.fromUri(request)
                .replaceQueryParam("format")
                .build()
                .toString()
                .replaceFirst("\\?$", "");
    }

    /**
     * The subscription document of this request's feed (RFC 5005 {@code current}): its filters and format,
     * without {@code archive}, {@code cursor}, {@code limit} and {@code sort}, so that every archive of a
     * selection names one subscription document.
     */
    public String current() {
        String query = queryWithout("archive", "cursor", "limit", "sort");
        return withoutQuery() + (query.isEmpty() ? "" : "?" + query);
    }

    /**
     * The archive document of one day of this request's feed (RFC 5005 {@code prev-archive}): like
     * {@link #current} with {@code archive} set, one URL per selection, format and day whatever page or limit
     * linked to it, so that shared caches keep one copy.
     */
    public String archive(String day) {
        String query = queryWithout("archive", "cursor", "limit", "sort");
        return withoutQuery() + "?" + (query.isEmpty() ? "" : query + "&") + "archive=" + day;
    }

    /**
     * This request's query without the parameters of these names, the others as the client wrote them and in
     * their order; empty when none is left. (JAX-RS's {@code replaceQueryParam} leaves a stray {@code &} when it
     * removes a parameter from a query that has become empty.)
     */
    public String queryWithout(String... names) {
        String query = request.getRawQuery();
        if (query == null) {
            return "";
        }
        List<String> dropped = List.of(names);
        return Arrays.stream(query.split("&"))
                .filter(pair -> !dropped.contains(name(pair)))
                .collect(Collectors.joining("&"));
    }

    private String withoutQuery() {
        String url = request.toString();
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** The decoded name of a {@code name=value} pair, or its raw name when it does not decode. */
    private static String name(String pair) {
        String raw = pair.split("=", 2)[0];
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }

    /** The articles of one day within this request's filters (for {@code /v1/dates}). */
    public String day(String date) {
        return UriBuilder.fromUri(request)
                .replacePath(base.getPath())
                .path("v1/articles")
                .replaceQueryParam("date", date)
                .build()
                .toString();
    }
}
