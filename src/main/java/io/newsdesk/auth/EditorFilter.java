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
 * changes nothing; the answer is a 401 problem with {@code WWW-Authenticate: Bearer}. A client address that
 * keeps sending wrong credentials is locked out for a while ({@link FailedAttempts}): 429 with
 * {@code Retry-After}. Neither the header nor the key is ever logged or echoed.
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
        String client = client();
        long wait = failures.lockedForSeconds(client);
        if (wait > 0) {
            throw ProblemException.tooManyRequests("Too many writes with a wrong editor key came from this"
                    + " address; every write from it is refused for " + wait + " more seconds. Check the key,"
                    + " then retry after that.", wait);
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            throw ProblemException.unauthorized("This write needs an editor key: send 'Authorization: Bearer"
                    + " <key>'.");
        }
        if (authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            failures.failed(client);
            throw ProblemException.unauthorized("Only Bearer credentials are accepted: send 'Authorization:"
                    + " Bearer <key>'.");
        }
        if (!keys.accepts(authorization.substring(BEARER.length()).strip())) {
            failures.failed(client);
            throw ProblemException.unauthorized("The editor key was not accepted. Check the key, and that it is"
                    + " sent as 'Authorization: Bearer <key>'.");
        }
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
