package io.newsdesk.problem;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import io.newsdesk.system.NewsdeskConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerConnection;
import io.vertx.core.http.impl.HttpServerImpl;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.ServerID;
import io.vertx.core.net.impl.TCPServerBase;
import io.vertx.core.net.impl.VertxHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

/**
 * Problems for requests refused before the router sees them, which were bare statuses:
 * <ul>
 * <li>Vert.x answers a request its codec cannot read (a bad request line, version or header line, a Content-Length
 * that is not one number, a request line or header section over {@code quarkus.http.limits.max-initial-line-length}
 * / {@code max-header-size}) through the server's invalid-request handler, with an empty 400, 414 or 431;</li>
 * <li>Quarkus answers a request target that is not a {@code java.net.URI} ({@code %zz}, {@code //}, {@code [}) with
 * an empty 400 before the router ({@code VertxHttpRecorder}'s root handler).</li>
 * </ul>
 * Quarkus creates the server without letting an application set its invalid-request handler, but Vert.x lets it be
 * set per connection ({@link HttpServerConnection#invalidRequestHandler}), so this class equips every connection:
 * it sets that handler, which answers with problems, and puts a Netty handler in front of Vert.x's that marks a
 * request whose target or version cannot be routed as refused (its {@link DecoderResult}), so that it takes the same
 * way instead of reaching Quarkus's check. Connections are reached through their listening socket, whose pipeline
 * gets a handler that equips each accepted connection: from start-up on ({@link #serverStarted}), and in any case
 * from the first routed request on ({@link #adopt}, which also equips the connections accepted before).
 * <p>
 * This relies on Vert.x internals that are public types ({@code HttpServerConnection}, {@code VertxHandler}), on
 * Vert.x's pipeline name {@code "handler"} and, at start-up only, on one private field; a Vert.x upgrade that
 * changes them shows in {@code HttpCodecProblemsTest}, and the answers fall back to Vert.x's bare ones, never worse.
 */
@ApplicationScoped
class CodecProblems implements HttpServerOptionsCustomizer {

    private static final Logger LOG = Logger.getLogger(CodecProblems.class);

    /** Vert.x's name for its connection handler in a connection's pipeline. */
    private static final String VERTX_HANDLER = "handler";

    private static final String ACCEPTOR = "newsdesk-codec-problems-acceptor";
    private static final String CONNECTION = "newsdesk-codec-problems-connection";
    private static final String REQUESTS = "newsdesk-codec-problems-requests";
    /** Which instance equipped a channel: after a dev-mode restart the new one equips it again. */
    private static final AttributeKey<Object> EQUIPPED = AttributeKey.valueOf("newsdesk.codec-problems");

    private final ProblemResponses responses;
    private final MalformedRequests.Limits limits;
    private final Handler<HttpServerRequest> invalid = this::answerInvalid;
    private final AtomicBoolean warned = new AtomicBoolean();

    CodecProblems(
            ProblemResponses responses,
            NewsdeskConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length") int maxInitialLine,
            @ConfigProperty(name = "quarkus.http.limits.max-header-size") MemorySize maxHeaderSize) {
        this.responses = responses;
        this.limits = new MalformedRequests.Limits(
                maxInitialLine,
                maxHeaderSize.asBigInteger().intValueExact(),
                config.http().maxUriLength(),
                config.http().maxHeaderBytes());
    }

    /**
     * Turns cleartext HTTP/2 off. With it on, Vert.x sets a connection up only on its first request (after checking
     * for the HTTP/2 preface and for {@code Upgrade: h2c}), too late to equip it for that request, and answers a
     * malformed {@code Upgrade: h2c} with a bare 400 of its own. Browsers never use cleartext HTTP/2, and nginx
     * speaks HTTP/1.1 to its upstreams; a client that tries it is answered in HTTP/1.1 (or, with the HTTP/2
     * preface, a 400 problem naming the protocol).
     */
    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }

    /**
     * Equips the listening sockets as soon as Quarkus reports the server listening, so that the first connections
     * are equipped too. Vert.x does not show a server's socket, so this reads its private field: the only
     * reflection here. If a Vert.x upgrade renames it, the log says so once and {@link #adopt} still equips
     * everything from the first routed request on.
     */
    void serverStarted(@ObservesAsync HttpServerStart start, Vertx vertx) {
        try {
            Field bound = TCPServerBase.class.getDeclaredField("bindFuture");
            bound.setAccessible(true);
            Map<ServerID, HttpServerImpl> shared = ((VertxInternal) vertx).sharedHttpServers();
            List<HttpServerImpl> servers;
            synchronized (shared) {
                servers = List.copyOf(shared.values());
            }
            for (HttpServerImpl server : servers) {
                if (bound.get(server) instanceof Future<?> future && future.result() instanceof Channel channel) {
                    equipListener(channel);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf(
                    "Cannot reach the listening socket at start-up (%s); malformed requests on connections opened"
                            + " before the first routed request get Vert.x's bare answers",
                    e);
        }
    }

    /** Equips the connection of a routed request, and through its listening socket every later connection. */
    void adopt(HttpServerRequest request) {
        if (!(request.connection() instanceof HttpServerConnection connection)
                || request.version() == io.vertx.core.http.HttpVersion.HTTP_2) {
            return;
        }
        Channel channel = connection.channel();
        if (channel.attr(EQUIPPED).get() == this) {
            return;
        }
        equip(channel.pipeline(), connection);
        if (channel.parent() != null) {
            equipListener(channel.parent());
        }
    }

    private void equipListener(Channel server) {
        if (server.attr(EQUIPPED).getAndSet(this) != this) {
            ChannelPipeline pipeline = server.pipeline();
            // the acceptor of an earlier instance (dev-mode restart) is replaced, not kept beside this one
            if (pipeline.get(ACCEPTOR) != null) {
                pipeline.replace(ACCEPTOR, ACCEPTOR, new Acceptor());
            } else {
                pipeline.addFirst(ACCEPTOR, new Acceptor());
            }
        }
    }

    private void equip(ChannelPipeline pipeline, HttpServerConnection connection) {
        if (pipeline.get(VERTX_HANDLER) == null) {
            // a Vert.x that names its handler differently: keep its own answers rather than fail the request
            if (!warned.getAndSet(true)) {
                LOG.warnf(
                        "No Vert.x handler named '%s' in a connection's pipeline; malformed requests get Vert.x's"
                                + " bare answers",
                        VERTX_HANDLER);
            }
            connection.channel().attr(EQUIPPED).set(this);
            return;
        }
        connection.invalidRequestHandler(invalid);
        if (pipeline.get(REQUESTS) != null) {
            pipeline.remove(REQUESTS);
        }
        pipeline.addBefore(VERTX_HANDLER, REQUESTS, new Requests());
        connection.channel().attr(EQUIPPED).set(this);
    }

    /** Vert.x's invalid-request handler: a problem instead of a bare status; Vert.x closes the connection after it. */
    private void answerInvalid(HttpServerRequest request) {
        Problem problem =
                MalformedRequests.forDecoderFailure(request.decoderResult().cause(), limits);
        request.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Buffer.buffer(responses.bytes(problem)));
        request.response().close();
    }

    /** On the listening socket: adds {@link Connection} to each accepted connection, before Vert.x sets it up. */
    @ChannelHandler.Sharable
    private final class Acceptor extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof Channel accepted) {
                accepted.pipeline().addFirst(CONNECTION, new Connection(false));
            }
            context.fireChannelRead(message);
        }
    }

    /**
     * Equips its connection once Vert.x has set it up, then leaves. Without TLS that is done when the connection
     * becomes active; with TLS Vert.x sets it up after the handshake, so then this handler waits at the end of the
     * pipeline, behind the handlers that do it, and equips the connection before the first bytes reach them.
     */
    private final class Connection extends ChannelInboundHandlerAdapter {

        private final boolean waiting;

        Connection(boolean waiting) {
            this.waiting = waiting;
        }

        @Override
        public void channelActive(ChannelHandlerContext context) {
            if (!waiting && !tryEquip(context)) {
                ChannelPipeline pipeline = context.pipeline();
                pipeline.remove(this);
                pipeline.addLast(CONNECTION, new Connection(true));
            }
            context.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            tryEquip(context);
            context.fireChannelRead(message);
        }

        private boolean tryEquip(ChannelHandlerContext context) {
            ChannelPipeline pipeline = context.pipeline();
            if (pipeline.get(VERTX_HANDLER) instanceof VertxHandler<?> handler
                    && handler.getConnection() instanceof HttpServerConnection connection) {
                equip(pipeline, connection);
                pipeline.remove(this);
                return true;
            }
            return false;
        }
    }

    /** Between Netty's decoder and Vert.x: refuses what the router must not see, flushes before a failed chunk. */
    private static final class Requests extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof HttpRequest request) {
                HttpVersion version = request.protocolVersion();
                // Vert.x knows HTTP/1.0 and HTTP/1.1 by identity, and answers in the request's version: "http/1.1"
                // would have none, and a refused "HTTP/9.9" would be answered in "HTTP/9.9"
                request.setProtocolVersion(
                        version.majorVersion() == 1 && version.minorVersion() == 0
                                ? HttpVersion.HTTP_1_0
                                : HttpVersion.HTTP_1_1);
                Problem problem =
                        request.decoderResult().isSuccess() ? MalformedRequests.check(version, request.uri()) : null;
                if (problem != null) {
                    request.setDecoderResult(DecoderResult.failure(new MalformedRequests.Refused(problem)));
                }
            } else if (message instanceof HttpContent content
                    && content.decoderResult().isFailure()) {
                // Vert.x closes the connection on a malformed chunk at once, dropping what is not flushed yet
                context.flush();
                context.fireChannelRead(message);
                // ... except for a pipelined request it has not begun yet (vert.x 4.5.27 fails with a
                // NullPointerException in Http1xServerRequest.handleException): then the connection would stay
                // open, unanswered, until the idle timeout. It is closed after what is queued to be written.
                Channel channel = context.channel();
                if (channel.isOpen()) {
                    channel.eventLoop().execute(channel::close);
                }
                return;
            }
            context.fireChannelRead(message);
        }
    }
}
