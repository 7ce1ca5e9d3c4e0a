package io.newsdesk.problem;

import io.newsdesk.system.NewsdeskConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Problems for what never reaches a resource: a request target over {@code newsdesk.http.max-uri-length}
 * (414), request headers over {@code newsdesk.http.max-header-bytes} (431), a declared body over
 * {@code newsdesk.http.max-body-bytes} (413) and a body without a Content-Type (415), all answered before the
 * body is read, and any path no route serves (404). Vert.x's own limits are set above ours so that these
 * answer first.
 */
@ApplicationScoped
class HttpGuards {

    private final ProblemResponses responses;
    private final int maxUriLength;
    private final long maxBodyBytes;
    private final int maxHeaderBytes;

    HttpGuards(ProblemResponses responses, NewsdeskConfig config) {
        this.responses = responses;
        this.maxUriLength = config.http().maxUriLength();
        this.maxBodyBytes = config.http().maxBodyBytes();
        this.maxHeaderBytes = config.http().maxHeaderBytes();
    }

    void routes(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::limits);
        router.route().order(Integer.MAX_VALUE).handler(this::notFound);
    }

    private void limits(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.length() > maxUriLength) {
            send(context, HttpProblems.blank(414, "URI Too Long", "The request target has " + uri.length()
                    + " characters; at most " + maxUriLength + " are accepted. Use fewer or shorter parameters."));
            return;
        }
        long headerBytes = headerBytes(context);
        if (headerBytes > maxHeaderBytes) {
            send(context, HttpProblems.blank(431, "Request Header Fields Too Large", "The request headers take "
                    + headerBytes + " bytes; at most " + maxHeaderBytes + " are accepted. Send fewer or shorter"
                    + " headers (large cookies are the usual cause)."));
            return;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length)) {
            send(context, new Problem("urn:newsdesk:problem:payload-too-large", "Request body too large", 413,
                    "The request body declares " + length + " bytes; at most " + maxBodyBytes + " are accepted.",
                    null, null));
            return;
        }
        if (hasBody(context) && context.request().getHeader(HttpHeaders.CONTENT_TYPE) == null) {
            send(context, HttpProblems.blank(415, "Unsupported Media Type",
                    "The request has a body but no Content-Type; send it as 'Content-Type: application/json'."));
            return;
        }
        context.next();
    }

    /** The header section as sent: one {@code name: value CRLF} line per header (Netty reads bytes as Latin-1). */
    private static long headerBytes(RoutingContext context) {
        long bytes = 0;
        for (var header : context.request().headers()) {
            bytes += header.getKey().length() + 2L + header.getValue().length() + 2L;
        }
        return bytes;
    }

    private static boolean hasBody(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        return context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || length != null && !length.strip().equals("0");
    }

    private boolean exceeds(String length) {
        try {
            return Long.parseLong(length.strip()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void notFound(RoutingContext context) {
        send(context, HttpProblems.forStatus(404, context.normalizedPath(), null));
    }

    private void send(RoutingContext context, Problem problem) {
        String path = context.request().path();
        byte[] body = responses.bytes(problem.at(path != null && path.length() <= 200 ? path : null));
        context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("Connection", problem.status() == 413 ? "close" : "keep-alive")
                .end(io.vertx.core.buffer.Buffer.buffer(body));
    }
}
