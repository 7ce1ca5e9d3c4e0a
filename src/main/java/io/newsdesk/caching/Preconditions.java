package io.newsdesk.caching;

import java.util.function.UnaryOperator;

import jakarta.ws.rs.core.HttpHeaders;

/**
 * The request headers a conditional read looks at (RFC 9110 §13.1.2, §13.1.3; either may be null), and whether
 * the read is {@code personal}: an editor's, which no cache may share (it may show embargoed articles).
 */
public record Preconditions(String ifNoneMatch, String ifModifiedSince, boolean personal) {

    /** A public read's preconditions. */
    public Preconditions(String ifNoneMatch, String ifModifiedSince) {
        this(ifNoneMatch, ifModifiedSince, false);
    }

    /** Read from a request's headers, given as a lookup by name. */
    public static Preconditions of(UnaryOperator<String> header, boolean personal) {
        return new Preconditions(
                header.apply(HttpHeaders.IF_NONE_MATCH), header.apply(HttpHeaders.IF_MODIFIED_SINCE), personal);
    }
}
