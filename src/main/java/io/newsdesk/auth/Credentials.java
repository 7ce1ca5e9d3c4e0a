package io.newsdesk.auth;

import io.newsdesk.problem.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks an {@code Authorization} header that is present: {@code Bearer <editor key>} and nothing else. A wrong
 * one is a 401 problem with {@code WWW-Authenticate: Bearer}, or a 429 with {@code Retry-After} once the client
 * address has sent too many ({@link FailedAttempts}); a right key always passes. Neither the header nor the key
 * is ever logged or echoed. Used by writes ({@link EditorFilter}) and by reads that carry a key
 * ({@link ReaderFilter}).
 */
@ApplicationScoped
class Credentials {

    private static final String BEARER = "bearer ";

    private final EditorKeys keys;
    private final FailedAttempts failures;
    private final HttpServerRequest http;

    Credentials(EditorKeys keys, FailedAttempts failures, HttpServerRequest http) {
        this.keys = keys;
        this.failures = failures;
        this.http = http;
    }

    /** Passes for a right editor key; throws the 401 or 429 problem otherwise. */
    void require(String authorization) {
        if (authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw refused("Only Bearer credentials are accepted: send 'Authorization: Bearer <key>'.");
        }
        if (!keys.accepts(authorization.substring(BEARER.length()).strip())) {
            throw refused("The editor key was not accepted. Check the key, and that it is sent as"
                    + " 'Authorization: Bearer <key>'.");
        }
    }

    /** A 401 for wrong credentials, or a 429 once this client has sent too many of them. */
    private ProblemException refused(String detail) {
        String client = client();
        long wait = failures.lockedForSeconds(client);
        if (wait > 0) {
            return ProblemException.tooManyRequests(
                    "Too many requests with wrong credentials came from this"
                            + " address; wrong ones are refused for " + wait + " more seconds (a right key still"
                            + " works). Check the key, then retry after that.",
                    wait);
        }
        failures.failed(client);
        return ProblemException.unauthorized(detail);
    }

    /** The remote address, which is the first X-Forwarded-For hop only when proxy address forwarding is on. */
    private String client() {
        SocketAddress address = http.remoteAddress();
        if (address == null) {
            return "unknown";
        }
        return address.hostAddress() != null ? address.hostAddress() : address.host();
    }
}
