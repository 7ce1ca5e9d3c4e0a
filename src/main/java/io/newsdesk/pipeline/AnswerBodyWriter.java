package io.newsdesk.pipeline;

import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Tells RESTEasy that a method returning an {@link Answer} can produce any media type, so that it leaves
 * negotiation to the {@link Pipeline} (which chose the writer already) instead of offering only JSON. It never
 * writes: the pipeline replaces every answer with its representation before the body is written.
 */
@Provider
@Produces(MediaType.WILDCARD)
class AnswerBodyWriter implements ServerMessageBodyWriter<Answer<?>> {

    @Override
    public boolean isWriteable(
            Class<?> type, Type genericType, ResteasyReactiveResourceInfo target, MediaType mediaType) {
        return Answer.class.isAssignableFrom(type);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Answer.class.isAssignableFrom(type);
    }

    @Override
    public void writeResponse(Answer<?> answer, Type genericType, ServerRequestContext context) {
        throw unanswered();
    }

    @Override
    public void writeTo(
            Answer<?> answer,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream out) {
        throw unanswered();
    }

    private static IllegalStateException unanswered() {
        return new IllegalStateException(
                "an Answer reached the body writer: the pipeline's response filter did not" + " run for this method");
    }
}
