package io.newsdesk.auth;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * A read that carries {@code Authorization} is an editor's: the key must be right (else 401, or 429 after too many
 * wrong ones, as for writes: a wrong key is never silently read as "the public"), and the {@link Reader} says so.
 * A read without the header is the public's.
 */
class ReaderFilter {

    private final Credentials credentials;
    private final Reader reader;

    ReaderFilter(Credentials credentials, Reader reader) {
        this.credentials = credentials;
        this.reader = reader;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    void read(ContainerRequestContext request) {
        String method = request.getMethod();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            return;
        }
        credentials.require(authorization);
        reader.editor(true);
    }
}
