package io.newsdesk.http;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * CORS for browsers. Reads are public, so every read answer (200, 304 and problems alike) allows any origin
 * with {@code *} (no credentials are involved, and {@code *} needs no Vary: Origin). Writes, and their
 * preflights, are allowed only from {@code newsdesk.cors.write-origins}; counting a view is public. Runs
 * first on the router, so even the guards' problems carry the headers.
 */
@ApplicationScoped
class Cors {

    static final String EXPOSED =
            "ETag, Last-Modified, Link, Location, Retry-After, Idempotent-Replayed, IM, Delta-Base";
    static final String READ_HEADERS = "Accept, If-None-Match, If-Modified-Since, A-IM";
    static final String WRITE_HEADERS = "Authorization, Content-Type, If-Match, Accept, Idempotency-Key";
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @ConfigMapping(prefix = "newsdesk.cors")
    interface Config {
        /** Origins (scheme://host[:port]) whose pages may write with an editor key; none by default. */
        Optional<List<String>> writeOrigins();
    }

    private final Set<String> writeOrigins;

    Cors(Config config) {
        this.writeOrigins = Set.copyOf(config.writeOrigins().orElse(List.of()));
    }

    void routes(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String origin = request.getHeader("Origin");
        if (origin == null) {
            context.next();
            return;
        }
        String preflight = request.getHeader("Access-Control-Request-Method");
        if (request.method() == HttpMethod.OPTIONS && preflight != null) {
            preflight(context, origin, preflight.strip().toUpperCase(Locale.ROOT));
            return;
        }
        boolean read = READS.contains(request.method()) || isPublicWrite(request.path());
        context.addHeadersEndHandler(ignored -> allow(context.response(), origin, read));
        context.next();
    }

    private void preflight(RoutingContext context, String origin, String method) {
        HttpServerResponse response = context.response();
        boolean read = method.equals("GET")
                || method.equals("HEAD")
                || method.equals("POST") && isPublicWrite(context.request().path());
        if (allow(response, origin, read)) {
            response.putHeader(
                            "Access-Control-Allow-Methods", read ? "GET, HEAD, POST" : "GET, HEAD, POST, PUT, DELETE")
                    .putHeader("Access-Control-Allow-Headers", read ? READ_HEADERS : WRITE_HEADERS)
                    .putHeader("Access-Control-Max-Age", "600");
        }
        // answered before the route that adds quarkus.http.header.* runs, so the preflight sets it itself
        response.putHeader("X-Content-Type-Options", "nosniff")
                .setStatusCode(204)
                .end();
    }

    /** Adds the headers when this origin may make this kind of request; says whether it may. */
    private boolean allow(HttpServerResponse response, String origin, boolean read) {
        if (read) {
            response.putHeader("Access-Control-Allow-Origin", "*");
        } else if (writeOrigins.contains(origin)) {
            response.putHeader("Access-Control-Allow-Origin", origin);
            response.headers().add("Vary", "Origin");
        } else {
            return false;
        }
        response.putHeader("Access-Control-Expose-Headers", EXPOSED);
        return true;
    }

    private static boolean isPublicWrite(String path) {
        return path != null && path.startsWith("/v1/articles/") && path.endsWith("/views");
    }
}
