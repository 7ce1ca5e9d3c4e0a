package io.newsdesk.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;

/**
 * One output format of the read model. This is the plug-in point for formats: a new format is one
 * {@code @ApplicationScoped} class implementing this interface (plus its tests). Negotiation, resources and
 * queries find it through CDI and need no change.
 */
public interface ModelWriter {

    /** The value of {@code ?format=} that selects this writer, e.g. {@code json}. */
    String format();

    /** The media type it produces; the first writer wins a tie in negotiation, so JSON is preferred. */
    MediaType mediaType();

    /** Order among writers when an Accept header rates several equally (lower first). */
    int preference();

    /** Whether it can serialize this model type (a page of articles, one article, a category list, ...). */
    boolean writes(Class<?> model);

    void write(Object model, OutputStream out) throws IOException;

    /**
     * Whether this model is streamed to the client as it is read (a CSV export of a whole selection) rather than
     * serialized in memory: such a representation is never cached.
     */
    default boolean streams(Class<?> modelType) {
        return false;
    }

    /**
     * This writer's document of {@code model} as items a reader keeps between polls, when it is a feed of a list
     * (RSS, Atom and JSON Feed of a selection), so that the {@code feed} instance manipulation of RFC 3229 can send
     * only the items added or changed: {@link #write} renders {@link FeedItems#only} as it renders a full document.
     * Null, the default, for every other format and model.
     */
    default FeedItems feedItems(Object model) {
        return null;
    }

    /** Response headers this representation adds, such as a CSV download's Content-Disposition. */
    default Map<String, String> headers(Object model) {
        return Map.of();
    }
}
