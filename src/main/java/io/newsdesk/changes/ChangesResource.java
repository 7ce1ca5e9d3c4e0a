package io.newsdesk.changes;

import io.newsdesk.pipeline.Answer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code /v1/changes}: with {@code Accept: text/event-stream} a Server-Sent Events stream that resumes after
 * {@code Last-Event-ID} (or {@code since}); otherwise the same log as JSON after {@code since}, for clients that
 * poll. Both take the selection parameters of {@code /v1/articles}. {@code /v1/changes/events} always streams.
 */
@Path("/v1/changes")
public class ChangesResource {

    private final ChangeService changes;
    private final ChangeStreams streams;

    ChangesResource(ChangeService changes, ChangeStreams streams) {
        this.changes = changes;
        this.streams = streams;
    }

    @GET
    public Answer<ChangeList> list(@Context UriInfo uri) {
        return changes.list(uri.getQueryParameters());
    }

    /** The stream; {@link StreamRouting} sends {@code GET /v1/changes} here when it asks for event streams. */
    @GET
    @Path(StreamRouting.EVENTS)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(
            @Context UriInfo uri,
            @Context SseEventSink sink,
            @Context Sse sse,
            @Context HttpServerRequest request,
            @HeaderParam("Last-Event-ID") String lastEventId) {
        streams.open(
                sink,
                sse,
                changes.matcher(uri.getQueryParameters()),
                changes.links(uri),
                client(request),
                changes.resumeAfter(lastEventId, uri.getQueryParameters()));
    }

    private static String client(HttpServerRequest request) {
        if (request.remoteAddress() == null) {
            return "unknown";
        }
        String address = request.remoteAddress().hostAddress();
        return address != null ? address : request.remoteAddress().host();
    }
}
