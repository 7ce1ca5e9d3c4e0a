package io.newsdesk.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. {@code type} is {@code about:blank} for plain HTTP errors and
 * {@code urn:newsdesk:problem:<name>} for Newsdesk's own; {@code errors} lists field problems.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One bad field of a request body or one bad query parameter. */
    public record FieldError(String field, String message) {}

    Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }
}
