package io.newsdesk.websub;

import io.newsdesk.auth.Idempotent;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code POST /v1/websub}: the hub endpoint (WebSub 5.1). A form with {@code hub.mode} (subscribe or unsubscribe),
 * {@code hub.topic}, {@code hub.callback}, and optionally {@code hub.lease_seconds} and {@code hub.secret}; 202
 * when it is accepted for verification, a problem when it is refused.
 */
@Path(Hub.PATH)
public class WebSubResource {

    private final Hub hub;

    WebSubResource(Hub hub) {
        this.hub = hub;
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response request(
            MultivaluedMap<String, String> form, @Context UriInfo uri, @Context HttpServerRequest http) {
        hub.request(
                form,
                uri.getBaseUri(),
                http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
        return Response.accepted().build();
    }
}
