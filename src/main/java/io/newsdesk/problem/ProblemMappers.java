package io.newsdesk.problem;

import java.util.Map;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.newsdesk.system.NewsdeskConfig;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Turns every exception that leaves a resource into an RFC 9457 problem, including the ones the framework
 * raises (404, 405, 406, 415). A database that cannot be reached is a 503 with Retry-After
 * ({@link DatabaseUnavailable}). Unexpected ones become a 500 whose body says nothing about the cause; the
 * log has it.
 */
class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ProblemResponses responses;
    private final int retryAfter;

    ProblemMappers(ProblemResponses responses, NewsdeskConfig config) {
        this.responses = responses;
        this.retryAfter = config.http().retryAfter();
    }

    @ServerExceptionMapper
    Response problem(ProblemException e, UriInfo uri) {
        return responses.build(e.problem(), uri.getPath(), e.headers());
    }

    @ServerExceptionMapper
    Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Map<String, String> extra = Map.of();
        if (e instanceof NotAllowedException) {
            extra = Map.of("Allow", AllowedMethods.forPath(uri.getPath()));
        }
        Problem problem = HttpProblems.forStatus(status, uri.getPath(), headers);
        return responses.build(problem, uri.getPath(), extra);
    }

    @ServerExceptionMapper(priority = 10_000)
    Response unexpected(Throwable e, UriInfo uri) {
        Throwable unavailable = DatabaseUnavailable.find(e);
        if (unavailable != null) {
            // expected while the database is down or restarting: one line, no stack trace, no SQL
            LOG.warnf("Database unavailable on %s: %s", uri.getPath(), DatabaseUnavailable.describe(unavailable));
            return responses.build(
                    DatabaseUnavailable.problem(retryAfter),
                    uri.getPath(),
                    Map.of("Retry-After", Integer.toString(retryAfter)));
        }
        LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
        Problem problem = new Problem(
                "about:blank",
                "Internal Server Error",
                500,
                "The server failed to answer this request. It has been logged; please retry later.",
                null,
                null);
        return responses.build(problem, uri.getPath(), Map.of());
    }
}
