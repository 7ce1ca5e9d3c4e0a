package io.newsdesk.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import io.newsdesk.problem.ProblemException;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Chooses the writer for a model: {@code format=} first, then the Accept header, then JSON. An unknown
 * {@code format} is a 400, an Accept header no writer satisfies is a 406 listing what we can send.
 */
@ApplicationScoped
public class Representations {

    private final List<ModelWriter> writers;

    Representations(@All List<ModelWriter> writers) {
        this.writers = writers.stream()
                .sorted(Comparator.comparingInt(ModelWriter::preference))
                .toList();
    }

    public Response ok(Object model, ModelWriter writer) {
        return ok(model, writer, StreamCoding.IDENTITY);
    }

    /** 200 with the model written as it is read (a streamed export), its bytes coded on the way out. */
    public Response ok(Object model, ModelWriter writer, StreamCoding coding) {
        return representation(Response.ok(), model, writer, coding);
    }

    public Response created(URI location, Object model, ModelWriter writer) {
        return representation(Response.created(location), model, writer, StreamCoding.IDENTITY);
    }

    /** The representation serialized in memory; not for a model the writer {@link ModelWriter#streams streams}. */
    public Rendered render(Object model, ModelWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            writer.write(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Rendered(out.toByteArray(), writer.mediaType(), writer.headers(model));
    }

    /**
     * The bytes a response entity is written as: a negotiated representation rendered now, bytes as they are. For
     * answers that must be kept (an Idempotency-Key's first answer), never for a streamed export.
     */
    public static byte[] bytesOf(Object entity) {
        if (entity == null) {
            return new byte[0];
        }
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        if (entity instanceof String text) {
            return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        if (entity instanceof Representation representation) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
            try {
                representation.writer().write(representation.model(), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
        throw new IllegalArgumentException("no bytes for an entity of " + entity.getClass());
    }

    private static Response representation(
            Response.ResponseBuilder builder, Object model, ModelWriter writer, StreamCoding coding) {
        builder.entity(new Representation(model, writer, coding))
                .type(writer.mediaType())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        writer.headers(model).forEach(builder::header);
        return builder.build();
    }

    /**
     * The writer for this model type, from the request's {@code format} parameters (null: none) and its Accept
     * header (null: none); called before querying, so that 400/406 cost no database work.
     */
    public ModelWriter negotiate(Class<?> modelType, List<String> formatParameters, String accept) {
        List<ModelWriter> candidates =
                writers.stream().filter(w -> w.writes(modelType)).toList();
        if (candidates.isEmpty()) {
            throw new IllegalStateException("no writer writes " + modelType.getName());
        }
        List<String> formats = formatParameters == null ? List.of() : formatParameters;
        if (formats.size() > 1) {
            throw ProblemException.unknownFormat(String.join(",", formats), names(candidates));
        }
        if (!formats.isEmpty() && !formats.get(0).isEmpty()) {
            String format = formats.get(0);
            return candidates.stream()
                    .filter(w -> w.format().equals(format))
                    .findFirst()
                    .orElseThrow(() -> ProblemException.unknownFormat(format, names(candidates)));
        }
        if (accept == null || accept.isBlank()) {
            return candidates.get(0);
        }
        List<Negotiation.Range> ranges = Negotiation.parse(accept);
        if (ranges.isEmpty()) {
            return candidates.get(0);
        }
        ModelWriter best = null;
        double bestQuality = 0;
        for (ModelWriter writer : candidates) {
            double quality = Negotiation.quality(ranges, writer.mediaType());
            if (quality > bestQuality) {
                best = writer;
                bestQuality = quality;
            }
        }
        if (best == null) {
            throw ProblemException.notAcceptable(
                    accept,
                    candidates.stream()
                            .map(w -> w.mediaType().getType() + "/"
                                    + w.mediaType().getSubtype())
                            .collect(Collectors.joining(", ")));
        }
        return best;
    }

    private static String names(List<ModelWriter> writers) {
        return writers.stream().map(ModelWriter::format).collect(Collectors.joining(", "));
    }
}
