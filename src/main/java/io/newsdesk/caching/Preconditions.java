package io.newsdesk.caching;

import java.util.function.UnaryOperator;

import jakarta.ws.rs.core.HttpHeaders;

/** The request headers a conditional read looks at (RFC 9110 §13.1.2, §13.1.3); either may be null. */
public record Preconditions(String ifNoneMatch, String ifModifiedSince) {

    /** Read from a request's headers, given as a lookup by name. */
    public static Preconditions of(UnaryOperator<String> header) {
        return new Preconditions(header.apply(HttpHeaders.IF_NONE_MATCH), header.apply(HttpHeaders.IF_MODIFIED_SINCE));
    }
}
