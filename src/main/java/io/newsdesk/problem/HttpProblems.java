package io.newsdesk.problem;

import jakarta.ws.rs.core.HttpHeaders;

/** Problems for HTTP statuses the framework raises, with a detail that says what to do instead. */
public final class HttpProblems {

    private HttpProblems() {}

    public static Problem forStatus(int status, String path, HttpHeaders headers) {
        return switch (status) {
            case 404 ->
                blank(
                        404,
                        "Not Found",
                        "There is no resource at " + path
                                + ". The API lives under /v1 (articles, categories, sources, dates); see /q/openapi.");
            case 405 ->
                blank(
                        405,
                        "Method Not Allowed",
                        "This resource does not accept that method; the Allow header lists the ones it does.");
            case 406 ->
                blank(
                        406,
                        "Not Acceptable",
                        "No representation matches the Accept header " + headers.getHeaderString(HttpHeaders.ACCEPT)
                                + "; send Accept: application/json.");
            case 413 -> blank(413, "Payload Too Large", "The request body is too large.");
            case 414 -> blank(414, "URI Too Long", "The request URI is too long.");
            case 415 ->
                blank(415, "Unsupported Media Type", "Send the body as JSON with 'Content-Type: application/json'.");
            case 400 -> blank(400, "Bad Request", "The request could not be understood; check its syntax.");
            default -> blank(status, "HTTP " + status, "The request failed with status " + status + ".");
        };
    }

    public static Problem blank(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null);
    }
}
