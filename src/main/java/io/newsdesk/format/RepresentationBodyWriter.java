package io.newsdesk.format;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * The one JAX-RS writer: hands the model to the {@link ModelWriter} that negotiation chose, through the content
 * coding of the representation.
 */
@Provider
@Produces(MediaType.WILDCARD)
class RepresentationBodyWriter implements ServerMessageBodyWriter<Representation> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Representation.class.isAssignableFrom(type);
    }

    @Override
    public boolean isWriteable(
            Class<?> type,
            Type genericType,
            org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo target,
            MediaType mediaType) {
        return Representation.class.isAssignableFrom(type);
    }

    @Override
    public void writeResponse(Representation representation, Type genericType, ServerRequestContext context)
            throws IOException {
        OutputStream out = representation.coding().wrap(context.getOrCreateOutputStream());
        try {
            representation.writer().write(representation.model(), out);
        } catch (IOException | RuntimeException | Error e) {
            representation.coding().abandon(out);
            // Once part of the body is sent (a streamed CSV export), the status can no longer change, and
            // ending the response normally would hand the client a short body that looks complete: cut the
            // connection instead, so the client sees a failed transfer. Before that, the problem mappers
            // still answer with a proper error.
            if (context.serverResponse().headWritten()) {
                context.serverResponse().reset();
            }
            throw e;
        }
        out.close();
    }

    @Override
    public void writeTo(
            Representation representation,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream out)
            throws IOException {
        OutputStream coded = representation.coding().wrap(out);
        representation.writer().write(representation.model(), coded);
        if (coded != out) {
            coded.close(); // ends the coding (a gzip trailer)
        }
    }
}
