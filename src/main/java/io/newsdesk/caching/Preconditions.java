package io.newsdesk.caching;

import java.time.Instant;
import java.util.function.UnaryOperator;

import jakarta.ws.rs.core.HttpHeaders;

/**
 * The request headers a conditional read looks at (RFC 9110 §13.1.2, §13.1.3), {@code A-IM} (RFC 3229
 * §10.5.3), with which a feed reader asks for only the items that changed since the version it names in
 * {@code If-None-Match}, {@code Accept-Encoding} (RFC 9110 §12.5.3: which content codings the client decodes; any
 * may be null), whether the read is {@code personal}: an editor's, which no cache
 * may share (it may show embargoed articles), the {@link Lifetime} of the answer (its Cache-Control) and the
 * next embargo release as known when the read began ({@code nextRelease}, null: none), which cuts it.
 */
public record Preconditions(
        String ifNoneMatch,
        String ifModifiedSince,
        String acceptedManipulations,
        String acceptEncoding,
        boolean personal,
        Lifetime lifetime,
        Instant nextRelease) {

    public static final String A_IM = "A-IM";

    /** A public read's preconditions. */
    public Preconditions(String ifNoneMatch, String ifModifiedSince) {
        this(ifNoneMatch, ifModifiedSince, null, null, false, Lifetime.CURRENT, null);
    }

    /** These preconditions for an answer of this lifetime (which Cache-Control it gets). */
    public Preconditions lasting(Lifetime value) {
        return new Preconditions(
                ifNoneMatch, ifModifiedSince, acceptedManipulations, acceptEncoding, personal, value, nextRelease);
    }

    /**
     * These preconditions with the next release as it was known when the read began (null: none): the answer's
     * Cache-Control is cut to it, even if the answer is sent after it (a slow read, a wait in a single flight).
     */
    Preconditions until(Instant release) {
        return new Preconditions(
                ifNoneMatch, ifModifiedSince, acceptedManipulations, acceptEncoding, personal, lifetime, release);
    }

    /** Read from a request's headers, given as a lookup by name. */
    public static Preconditions of(UnaryOperator<String> header, boolean personal) {
        return new Preconditions(
                header.apply(HttpHeaders.IF_NONE_MATCH),
                header.apply(HttpHeaders.IF_MODIFIED_SINCE),
                header.apply(A_IM),
                header.apply(HttpHeaders.ACCEPT_ENCODING),
                personal,
                Lifetime.CURRENT,
                null);
    }

    /**
     * Whether {@code A-IM} (RFC 3229 §10.5.3: {@code #( instance-manipulation [ ";" "q" "=" qvalue ] )}) accepts
     * this manipulation: compared case-insensitively, with any parameters, unless its q-value is 0. An element that
     * cannot be read accepts nothing: the full representation is always a correct answer.
     */
    public boolean acceptsManipulation(String manipulation) {
        if (acceptedManipulations == null) {
            return false;
        }
        for (String element : acceptedManipulations.split(",")) {
            String[] parts = element.split(";");
            if (parts[0].strip().equalsIgnoreCase(manipulation) && quality(parts) > 0) {
                return true;
            }
        }
        return false;
    }

    /** The q-value among an element's parameters: 1 without one, 0 when it is not a number from 0 to 1. */
    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("q")) {
                String value = pair[1].strip();
                return value.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?") ? Double.parseDouble(value) : 0;
            }
        }
        return 1;
    }
}
