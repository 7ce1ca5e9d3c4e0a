package io.newsdesk.http;

import java.util.Map;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Reason phrases of the status codes Netty names none for, so that a delta feed's status line reads
 * {@code 226 IM Used} (RFC 3229 §10.4.1) rather than {@code 226 Success (226)}. Clients ignore the phrase (RFC
 * 9110 §15); people reading curl's output do not. JAX-RS drops a response's own phrase, so it is set here, just
 * before the head is written.
 */
@ApplicationScoped
class ReasonPhrases {

    private static final Map<Integer, String> PHRASES = Map.of(226, "IM Used");

    void routes(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            HttpServerResponse response = context.response();
            context.addHeadersEndHandler(ignored -> {
                String phrase = PHRASES.get(response.getStatusCode());
                if (phrase != null) {
                    response.setStatusMessage(phrase);
                }
            });
            context.next();
        });
    }
}
