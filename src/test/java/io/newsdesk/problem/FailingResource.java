package io.newsdesk.problem;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * Test-only endpoint that fails the way a bug would, with internals in the exception: the 500 it causes must
 * show none of them. Not part of openapi.yaml, so tests call it without the contract filter.
 */
@Path("/test-only/failure")
public class FailingResource {

    public static final String PATH = "/test-only/failure";
    public static final String SECRET_MESSAGE = "select a.id from Article a where a.slug = 'x' [SQLState 42000]";

    @GET
    public String fail() {
        throw new IllegalStateException(SECRET_MESSAGE, new java.sql.SQLException("insert into article failed"));
    }
}
