package io.newsdesk.pipeline;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.newsdesk.auth.Reader;
import io.newsdesk.caching.Compression;
import io.newsdesk.caching.Conditional;
import io.newsdesk.caching.Preconditions;
import io.newsdesk.format.ModelWriter;
import io.newsdesk.format.Representations;
import io.newsdesk.links.Links;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The one way from a resource method to a response, for every resource that returns an {@link Answer}:
 *
 * <ol>
 * <li>Before the method runs (after authentication, before an Idempotency-Key is claimed): the writer for the
 * method's model type is negotiated ({@code format=}, then {@code Accept}; a 400 or 406 costs no database work
 * and writes nothing), a read's Accept-Encoding is checked (406 when it refuses every coding Newsdesk sends,
 * identity included) and the request's {@link Links} are made (a bad {@code X-Forwarded-Host} is a 400 before
 * any write).</li>
 * <li>After it: the {@link Answer} becomes the response. Reads go through {@link Conditional} (validators, 304
 * without rendering, the render cache, single flight, metrics), writes are rendered by the same writer and
 * tagged with the validators a GET would answer.</li>
 * </ol>
 *
 * A new format is a new {@link ModelWriter}; a new read is a resource method returning {@code Answer<Model>}:
 * neither needs code here.
 */
@ApplicationScoped
class Pipeline {

    private static final String NEGOTIATED = Pipeline.class.getName();

    /** What the request filter found for the response filter: the model type, its writer, the links. */
    private record Negotiated(Class<?> type, ModelWriter writer, Links links) {}

    private final Representations representations;
    private final Conditional conditional;
    /** The model type of each resource method (of each resource class) returning an {@code Answer}, or empty. */
    private final Map<Endpoint, Optional<Class<?>>> modelTypes = new ConcurrentHashMap<>();

    /** A resource method as a resource class has it: a base class's method may answer a model per subclass. */
    private record Endpoint(Class<?> resource, Method method) {}

    private final Reader reader;
    private final Compression compression;

    Pipeline(Representations representations, Conditional conditional, Reader reader, Compression compression) {
        this.representations = representations;
        this.conditional = conditional;
        this.reader = reader;
        this.compression = compression;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 500)
    void negotiate(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Optional<Class<?>> type = method == null
                ? Optional.empty()
                : modelTypes.computeIfAbsent(new Endpoint(resource.getResourceClass(), method), Pipeline::modelType);
        if (type.isPresent()) {
            ModelWriter writer = representations.negotiate(
                    type.get(),
                    request.getUriInfo().getQueryParameters().get("format"),
                    request.getHeaderString(HttpHeaders.ACCEPT));
            if (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())) {
                compression.check(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
            }
            request.setProperty(NEGOTIATED, new Negotiated(type.get(), writer, Links.of(request.getUriInfo())));
        }
    }

    /** Runs before every other response filter (the highest priority runs first), so they see the answer made. */
    @ServerResponseFilter(priority = Priorities.USER + 1000)
    void answer(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Answer<?> answer)) {
            return;
        }
        Negotiated negotiated = (Negotiated) request.getProperty(NEGOTIATED);
        Response made = make(answer, negotiated, Preconditions.of(request::getHeaderString, reader.editor()));
        response.setStatus(made.getStatus());
        made.getHeaders().forEach((name, values) -> response.getHeaders().put(name, values));
        if (made.hasEntity()) {
            response.setEntity(made.getEntity(), response.getEntityAnnotations(), made.getMediaType());
        } else {
            response.setEntity(null);
        }
    }

    private <M> Response make(Answer<M> answer, Negotiated negotiated, Preconditions preconditions) {
        ModelWriter writer = negotiated.writer();
        Links links = negotiated.links();
        switch (answer.kind()) {
            case READ:
                return conditional.answer(
                        preconditions,
                        links,
                        writer,
                        answer.lifetime(),
                        () -> answer.validation().of(writer.format(), links),
                        () -> answer.model(writer.format(), links));
            case LIVE:
                return conditional.answerLive(
                        preconditions,
                        links,
                        writer,
                        () -> answer.validation().of(writer.format(), links),
                        () -> answer.model(writer.format(), links));
            case RENDERED:
                return conditional.answerRendered(
                        preconditions,
                        links,
                        writer,
                        answer.lifetime(),
                        writer.streams(negotiated.type()),
                        () -> answer.validation().of(writer.format(), links),
                        () -> answer.model(writer.format(), links),
                        answer::lastModified);
            case WRITTEN:
                return tagged(representations.ok(answer.model(writer.format(), links), writer), answer, writer, links);
            case CREATED:
                String location = answer.location(links);
                return tagged(
                        representations.created(URI.create(location), answer.model(writer.format(), links), writer),
                        answer,
                        writer,
                        links.at(location));
            default:
                throw new IllegalStateException("no answer of kind " + answer.kind());
        }
    }

    private Response tagged(Response response, Answer<?> answer, ModelWriter writer, Links links) {
        return answer.validation() == null
                ? response
                : conditional.tagged(response, answer.validation().of(writer.format(), links));
    }

    /**
     * {@code M} of a method declared to return {@code Answer<M>}: a class, or a type variable of a generic
     * resource base class that the resource class binds to a class ({@code CatalogResource<CategoryView, …>}).
     */
    private static Optional<Class<?>> modelType(Endpoint endpoint) {
        Method method = endpoint.method();
        if (method.getReturnType() != Answer.class) {
            return Optional.empty();
        }
        Type model = method.getGenericReturnType() instanceof ParameterizedType answer
                ? answer.getActualTypeArguments()[0]
                : null;
        if (model instanceof TypeVariable<?> variable) {
            model = bound(endpoint.resource(), variable);
        }
        if (model instanceof Class<?> type) {
            return Optional.of(type);
        }
        throw new IllegalStateException(
                method + " of " + endpoint.resource().getName() + " must return Answer<SomeModel>, with a model class");
    }

    /** The class {@code resource} binds to a type variable of one of its generic superclasses, or null. */
    private static Type bound(Class<?> resource, TypeVariable<?> variable) {
        for (Class<?> type = resource; type != null && type != Object.class; type = type.getSuperclass()) {
            if (type.getGenericSuperclass() instanceof ParameterizedType parent
                    && parent.getRawType() == variable.getGenericDeclaration()) {
                TypeVariable<?>[] declared = ((Class<?>) parent.getRawType()).getTypeParameters();
                for (int i = 0; i < declared.length; i++) {
                    if (declared[i].getName().equals(variable.getName())) {
                        return parent.getActualTypeArguments()[i];
                    }
                }
            }
        }
        return null;
    }
}
