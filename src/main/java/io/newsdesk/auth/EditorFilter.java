package io.newsdesk.auth;

import io.newsdesk.problem.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Lets an {@link Editor} method run only with {@code Authorization: Bearer <editor key>}: no other header,
 * scheme or query parameter carries a key. Runs before the body is read, so a refused write costs nothing and
 * changes nothing; the answer is a 401 problem with {@code WWW-Authenticate: Bearer}.
 *
 * <p>A right key always passes. Only failures are throttled: once a client address has sent too many wrong
 * credentials ({@link FailedAttempts}), its further wrong ones are a 429 with {@code Retry-After} instead of a
 * 401. Refusing a right key would not make guessing harder (keys have at least 32 characters, see
 * {@link EditorKeys}), and would let one misconfigured script, or a stranger behind the same proxy, lock every
 * editor out. Neither the header nor the key is ever logged or echoed.
 */
@Provider
@Editor
@Priority(Priorities.AUTHENTICATION)
class EditorFilter implements ContainerRequestFilter {

    private static final String BEARER = "bearer ";

    private final EditorKeys keys;
    private final FailedAttempts failures;
    private final HttpServerRequest http;

    EditorFilter(EditorKeys keys, FailedAttempts failures, HttpServerRequest http) {
        this.keys = keys;
        this.failures = failures;
        this.http = http;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            throw ProblemException.unauthorized(
                    "This write needs an editor key: send 'Authorization: Bearer" + " <key>'.");
        }
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
                    "Too many writes with wrong credentials came from this"
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
