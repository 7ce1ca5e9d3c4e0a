package io.newsdesk.caching;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Conditional GET (RFC 9110 §13): If-None-Match (weak comparison, lists, {@code *}) takes precedence over
 * If-Modified-Since. A match answers 304 before the representation is built, so a 304 costs the validator
 * query only. Every answer, 200 or 304, carries ETag, Last-Modified, Cache-Control and Vary.
 */
@ApplicationScoped
public class Conditional {

    private final String cacheControl;

    Conditional(CachingConfig config) {
        this.cacheControl = config.cacheControl();
    }

    public Response answer(HttpHeaders headers, Validators validators, Supplier<Response> representation) {
        if (notModified(headers, validators)) {
            return decorate(Response.notModified(), validators).build();
        }
        Response response = representation.get();
        response.getHeaders().putSingle(HttpHeaders.ETAG, validators.etag());
        response.getHeaders().putSingle(HttpHeaders.LAST_MODIFIED, Date.from(validators.lastModified()));
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, cacheControl);
        return response;
    }

    /** The validators of a representation a write answers with, so the next If-Match can use its ETag. */
    public Response tagged(Response response, Validators validators) {
        response.getHeaders().putSingle(HttpHeaders.ETAG, validators.etag());
        response.getHeaders().putSingle(HttpHeaders.LAST_MODIFIED, Date.from(validators.lastModified()));
        return response;
    }

    private Response.ResponseBuilder decorate(Response.ResponseBuilder builder, Validators validators) {
        return builder.header(HttpHeaders.ETAG, validators.etag())
                .header(HttpHeaders.LAST_MODIFIED, Date.from(validators.lastModified()))
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }

    static boolean notModified(HttpHeaders headers, Validators validators) {
        String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return EntityTags.anyMatchesWeakly(ifNoneMatch, validators.etag());
        }
        String ifModifiedSince = headers.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE);
        if (ifModifiedSince != null) {
            Instant since = httpDate(ifModifiedSince);
            return since != null && !validators.lastModified().isAfter(since);
        }
        return false;
    }

    /** An HTTP-date (IMF-fixdate; RFC 850 and asctime are accepted by the JDK's RFC 1123 parser only partly). */
    static Instant httpDate(String value) {
        try {
            return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .withZoneSameInstant(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
