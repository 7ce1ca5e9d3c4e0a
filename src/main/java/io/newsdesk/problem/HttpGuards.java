package io.newsdesk.problem;

import java.util.Locale;

import org.jboss.logging.Logger;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.newsdesk.system.BodyLimits;
import io.newsdesk.system.NewsdeskConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;

/**
 * Problems for what never reaches a resource: a request target over {@code newsdesk.http.max-uri-length}
 * (414), request headers over {@code newsdesk.http.max-header-bytes} (431), a declared body over
 * {@code newsdesk.http.max-body-bytes} (413; {@code newsdesk.bulk.max-body-bytes} for a bulk import) and a body without a Content-Type (415), all answered before the
 * body is read, a chunked body that grows over the limit while it streams (413) or whose chunks are malformed
 * (400), any path no route serves (404), and whatever else the router fails on (a missing Host header, a target
 * that is not a path). Vert.x's own limits are set above ours so that these answer first; what Vert.x refuses
 * before the router is {@link CodecProblems}'.
 */
@ApplicationScoped
class HttpGuards {

    private static final Logger LOG = Logger.getLogger(HttpGuards.class);
    /** Statuses the router may give when it fails outside any route (a target its matching cannot read). */
    private static final int[] ROUTER_STATUSES = {400, 404, 405, 406, 413, 414, 415, 417, 431, 500, 501, 503};

    private final ProblemResponses responses;
    private final CodecProblems codec;
    private final int maxUriLength;
    private final BodyLimits bodies;
    private final int maxHeaderBytes;

    HttpGuards(ProblemResponses responses, CodecProblems codec, NewsdeskConfig config, BodyLimits bodies) {
        this.responses = responses;
        this.codec = codec;
        this.maxUriLength = config.http().maxUriLength();
        this.bodies = bodies;
        this.maxHeaderBytes = config.http().maxHeaderBytes();
    }

    void routes(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::limits).failureHandler(this::failed);
        router.route().order(Integer.MAX_VALUE).handler(this::notFound);
        for (int status : ROUTER_STATUSES) {
            router.errorHandler(status, this::unhandled);
        }
    }

    private void limits(RoutingContext context) {
        codec.adopt(context.request());
        String uri = context.request().uri();
        if (uri.length() > maxUriLength) {
            send(
                    context,
                    HttpProblems.blank(
                            414,
                            "URI Too Long",
                            "The request target has " + uri.length() + " characters; at most " + maxUriLength
                                    + " are accepted. Use fewer or shorter parameters."));
            return;
        }
        long headerBytes = headerBytes(context);
        if (headerBytes > maxHeaderBytes) {
            send(
                    context,
                    HttpProblems.blank(
                            431,
                            "Request Header Fields Too Large",
                            "The request headers take "
                                    + headerBytes + " bytes; at most " + maxHeaderBytes
                                    + " are accepted. Send fewer or shorter"
                                    + " headers (large cookies are the usual cause)."));
            return;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long maxBodyBytes = bodies.maxBytes(context.request().getHeader(HttpHeaders.CONTENT_TYPE));
        if (length != null && exceeds(length, maxBodyBytes)) {
            send(
                    context,
                    new Problem(
                            "urn:newsdesk:problem:payload-too-large",
                            "Request body too large",
                            413,
                            "The request body declares " + length + " bytes; at most " + maxBodyBytes
                                    + " are accepted.",
                            null,
                            null));
            return;
        }
        if (hasBody(context) && context.request().getHeader(HttpHeaders.CONTENT_TYPE) == null) {
            send(
                    context,
                    HttpProblems.blank(
                            415,
                            "Unsupported Media Type",
                            "The request has a body but no Content-Type; send it as 'Content-Type: application/json'."));
            return;
        }
        String contentType = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && hasBody(context) && !isMediaType(contentType)) {
            // JAX-RS would fail on it while choosing between methods that consume different types (a 500)
            send(
                    context,
                    HttpProblems.blank(
                            415,
                            "Unsupported Media Type",
                            "The Content-Type header is not a media type; send the body as 'Content-Type:"
                                    + " application/json' (or 'application/x-ndjson' for a bulk import)."));
            return;
        }
        if (length == null
                && isChunked(context.request())
                && !context.request().isEnded()
                && context instanceof RoutingContextInternal internal) {
            readChunked(internal, maxBodyBytes);
            return;
        }
        context.next();
    }

    /**
     * Reads a chunked body, counting its bytes as they arrive: over {@code max-body-bytes} it is a 413 at once,
     * never buffered whole (a declared Content-Length is checked above, before any byte is read). The body is
     * handed on as the routing context's body, which the resources read instead of the connection.
     */
    private void readChunked(RoutingContextInternal context, long maxBodyBytes) {
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer();
        long[] discarded = {-1};
        request.handler(chunk -> {
            if (discarded[0] >= 0) {
                // after the 413 (Quarkus resumes the request when the answer ends): read and dropped, for a while
                discarded[0] += chunk.length();
                if (discarded[0] > maxBodyBytes) {
                    request.connection().close();
                }
            } else if (body.length() + (long) chunk.length() > maxBodyBytes) {
                discarded[0] = 0;
                send(
                        context,
                        ProblemException.tooLarge("The chunked request body has more than " + maxBodyBytes
                                        + " bytes; at most " + maxBodyBytes + " are accepted.")
                                .problem(),
                        true);
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(ended -> {
            if (discarded[0] >= 0) {
                // the answer said 'Connection: close'; the whole body is read, so the close loses nothing
                request.connection().close();
            } else {
                context.setBody(body);
                context.next();
            }
        });
        // a malformed chunk: Netty's decoder gives up, and Vert.x closes the connection right after this handler
        request.exceptionHandler(failure -> {
            if (discarded[0] < 0
                    && !(failure instanceof HttpClosedException)
                    && !context.response().headWritten()
                    && !context.response().closed()) {
                discarded[0] = 0;
                send(context, MalformedRequests.malformedChunks(), true);
                // flushes the answer before Vert.x closes the connection
                request.connection().close();
            }
        });
        String expect = request.getHeader(HttpHeaders.EXPECT);
        if (expect != null && expect.equalsIgnoreCase("100-continue") && request.version() != HttpVersion.HTTP_1_0) {
            context.response().writeContinue();
        }
        request.resume();
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

    private static boolean isMediaType(String value) {
        try {
            MediaType.valueOf(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isChunked(HttpServerRequest request) {
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    private static boolean exceeds(String length, long maxBodyBytes) {
        try {
            return Long.parseLong(length.strip()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void notFound(RoutingContext context) {
        send(context, HttpProblems.forStatus(404, context.normalizedPath(), null));
    }

    /**
     * Failures of the router itself, which Quarkus would answer with its error page (a JSON document that is not a
     * problem) or a bare status: Vert.x Web fails a request without a valid Host (400), with an empty path (400)
     * or with a target that does not start with '/' (404) before any route runs. Failures inside resources never
     * come here: {@link ProblemMappers} answers them.
     */
    private void failed(RoutingContext context) {
        if (context.response().headWritten() || context.response().closed()) {
            context.next();
            return;
        }
        answerFailure(context);
    }

    /** The router's last resort ({@code Router.errorHandler}): a failure while it matched routes. */
    private void unhandled(RoutingContext context) {
        if (!context.response().headWritten() && !context.response().closed()) {
            answerFailure(context);
        }
    }

    private void answerFailure(RoutingContext context) {
        codec.adopt(context.request());
        Throwable failure = context.failure();
        int status = failure instanceof HttpException http ? http.getStatusCode() : context.statusCode();
        if (status < 400 || status > 599) {
            status = 500;
        }
        HttpServerRequest request = context.request();
        String path = request.path();
        Problem problem;
        if (status == 400 && request.version() != HttpVersion.HTTP_1_0 && request.authority() == null) {
            problem = HttpProblems.blank(
                    400,
                    "Bad Request",
                    "HTTP/1.1 requests need a Host header naming the"
                            + " server, such as 'Host: news.example.org'; this one has none, or one that is not a host"
                            + " name with an optional port.");
        } else if (status == 400 && (path == null || path.isEmpty())) {
            problem = HttpProblems.blank(
                    400, "Bad Request", "The request target has no path; send one such as" + " /v1/articles.");
        } else if (status == 404) {
            problem = HttpProblems.forStatus(404, shortened(path), null);
        } else if (status >= 500) {
            LOG.errorf(failure, "Unexpected failure of the router on %s", shortened(path));
            problem = HttpProblems.blank(
                    500,
                    "Internal Server Error",
                    "The server failed to answer this request. It has been logged; please retry later.");
        } else {
            problem = HttpProblems.blank(
                    status,
                    HttpResponseStatus.valueOf(status).reasonPhrase(),
                    "The request could not be handled (" + status + "); check its request line, headers and body"
                            + " against /q/openapi.");
        }
        send(context, problem);
    }

    private static String shortened(String path) {
        if (path == null) {
            return "";
        }
        return path.length() <= 200 ? path : path.substring(0, 200) + "…";
    }

    private void send(RoutingContext context, Problem problem) {
        send(context, problem, problem.status() == 413);
    }

    private void send(RoutingContext context, Problem problem, boolean close) {
        String path = context.request().path();
        byte[] body = responses.bytes(problem.at(path != null && path.length() <= 200 ? path : null));
        context.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                // set again: a request the router failed on never reached the route of quarkus.http.header.*
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Connection", close ? "close" : "keep-alive")
                .end(Buffer.buffer(body));
    }
}
