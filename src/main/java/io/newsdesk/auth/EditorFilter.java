package io.newsdesk.auth;

import io.newsdesk.problem.ProblemException;
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

    private final Credentials credentials;

    EditorFilter(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            throw ProblemException.unauthorized(
                    "This write needs an editor key: send 'Authorization: Bearer" + " <key>'.");
        }
        credentials.require(authorization);
    }
}
