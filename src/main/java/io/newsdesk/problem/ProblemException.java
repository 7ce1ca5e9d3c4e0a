package io.newsdesk.problem;

import java.util.List;
import java.util.Map;

import io.newsdesk.problem.Problem.FieldError;

/**
 * Thrown anywhere below a resource to answer with a problem. Carries no stack trace: it is a planned answer,
 * not a fault. The factories name the problem types Newsdesk uses; {@code openapi.yaml} lists them.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = headers;
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    static ProblemException of(int status, String name, String title, String detail) {
        return new ProblemException(new Problem(type(name), title, status, detail, null, null), Map.of());
    }

    static String type(String name) {
        return name == null ? "about:blank" : "urn:newsdesk:problem:" + name;
    }

    public static ProblemException invalidParameter(String parameter, String detail) {
        return new ProblemException(
                new Problem(
                        type("invalid-parameter"),
                        "Invalid parameter",
                        400,
                        detail,
                        null,
                        List.of(new FieldError(parameter, detail))),
                Map.of());
    }

    public static ProblemException invalidBody(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? "Field '" + errors.get(0).field() + "': " + errors.get(0).message()
                : errors.size() + " fields are invalid; see 'errors' for each one.";
        return new ProblemException(
                new Problem(type("invalid-body"), "Invalid request body", 400, detail, null, List.copyOf(errors)),
                Map.of());
    }

    public static ProblemException malformedBody(String detail) {
        return of(400, "malformed-body", "Malformed request body", detail);
    }

    public static ProblemException unknownSlug(String detail) {
        return of(404, "unknown-slug", "Unknown slug", detail);
    }

    public static ProblemException notFound(String detail) {
        return of(404, "not-found", "Not found", detail);
    }

    public static ProblemException conflict(String detail) {
        return of(409, "conflict", "Conflict", detail);
    }

    public static ProblemException preconditionFailed(String detail) {
        return of(412, "precondition-failed", "Precondition Failed", detail);
    }

    public static ProblemException tooLarge(String detail) {
        return of(413, "payload-too-large", "Request body too large", detail);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(
                new Problem(type("unauthorized"), "Unauthorized", 401, detail, null, null),
                Map.of("WWW-Authenticate", "Bearer realm=\"newsdesk\""));
    }

    /** 429: this client must wait {@code retryAfterSeconds} before the next attempt ({@code Retry-After}). */
    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(
                new Problem(type("too-many-requests"), "Too Many Requests", 429, detail, null, null),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    /** 400 for a request header that cannot be used as sent. */
    public static ProblemException invalidHeader(String header, String detail) {
        return new ProblemException(
                new Problem(
                        type("invalid-header"),
                        "Invalid header",
                        400,
                        detail,
                        null,
                        List.of(new FieldError(header, detail))),
                Map.of());
    }

    /** 409 with Retry-After: the first request with this Idempotency-Key is still being carried out. */
    public static ProblemException idempotencyKeyInUse(String detail, long retryAfterSeconds) {
        return new ProblemException(
                new Problem(type("idempotency-key-in-use"), "Idempotency key in use", 409, detail, null, null),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    /** 422: an Idempotency-Key sent again with another request than the first one. */
    public static ProblemException idempotencyKeyReused(String detail) {
        return of(422, "idempotency-key-reused", "Idempotency key reused", detail);
    }

    public static ProblemException notAcceptable(String accept, String supported) {
        return of(
                406,
                "not-acceptable",
                "Not Acceptable",
                "Nothing here can be sent as Accept: " + accept + ". Supported media types: " + supported
                        + ". The 'format' parameter chooses one too.");
    }

    /** 406: the request's Accept-Encoding refuses identity and accepts none of the codings Newsdesk sends. */
    public static ProblemException notAcceptableEncoding(String acceptEncoding, String supported) {
        return of(
                406,
                "not-acceptable",
                "Not Acceptable",
                "Nothing here can be sent as Accept-Encoding: " + acceptEncoding
                        + ". Content codings available: " + supported
                        + ". Accept one of them, or stop refusing identity ('identity;q=0', '*;q=0').");
    }

    public static ProblemException unknownFormat(String format, String supported) {
        return new ProblemException(
                new Problem(
                        type("invalid-parameter"),
                        "Invalid parameter",
                        400,
                        "Unknown format '" + format + "' for this resource; use one of: " + supported + ".",
                        null,
                        List.of(new FieldError("format", "one of: " + supported))),
                Map.of());
    }
}
