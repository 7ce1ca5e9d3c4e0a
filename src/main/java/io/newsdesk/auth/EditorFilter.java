package io.newsdesk.auth;

import io.newsdesk.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Lets an {@link Editor} method run only with {@code Authorization: Bearer <editor key>}. Runs before the body
 * is read, so a refused write costs nothing and changes nothing; the answer is a 401 problem with
 * {@code WWW-Authenticate: Bearer}.
 */
@Provider
@Editor
@Priority(Priorities.AUTHENTICATION)
class EditorFilter implements ContainerRequestFilter {

    private static final String BEARER = "bearer ";

    private final EditorKeys keys;

    EditorFilter(EditorKeys keys) {
        this.keys = keys;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            throw ProblemException.unauthorized("This write needs an editor key: send 'Authorization: Bearer"
                    + " <key>'.");
        }
        if (authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ProblemException.unauthorized("Only Bearer credentials are accepted: send 'Authorization:"
                    + " Bearer <key>'.");
        }
        if (!keys.accepts(authorization.substring(BEARER.length()).strip())) {
            throw ProblemException.unauthorized("The editor key was not accepted. Check the key, and that it is"
                    + " sent as 'Authorization: Bearer <key>'.");
        }
    }
}
