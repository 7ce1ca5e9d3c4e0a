package io.newsdesk.links;

import java.net.URI;

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
