package io.newsdesk.changes;

import java.net.URI;
import java.util.Locale;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;

/**
 * Sends {@code GET /v1/changes} to the event stream ({@code /v1/changes/events}) when, and only when, the client
 * names {@code text/event-stream} in {@code Accept} (as every {@code EventSource} does). Left to the framework's
 * method matching, {@code Accept: *}{@code /*} (curl, RestAssured, most HTTP clients) would pick the stream, the
 * most specific type on offer, and a client that wanted the JSON log would wait on an endless answer.
 */
class StreamRouting {

    static final String EVENTS = "events";
    private static final String PATH = "/v1/changes";

    @ServerRequestFilter(preMatching = true)
    void route(ContainerRequestContext request, HttpServerRequest http) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (!PATH.equals(http.path())
                || accept == null
                || !accept.toLowerCase(Locale.ROOT).contains(MediaType.SERVER_SENT_EVENTS)) {
            return;
        }
        URI uri;
        try {
            uri = request.getUriInfo().getRequestUri();
        } catch (RuntimeException e) {
            return; // a malformed host or target: the route it has answers with the problem
        }
        request.setRequestUri(UriBuilder.fromUri(uri).path(EVENTS).build());
    }
}
