package io.newsdesk.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;

/**
 * JSON Feed 1.1 of a {@link FeedDocument}, with {@code next_url} exactly when there is a next page and RFC 5005's
 * marker and links in the custom object {@code _rfc5005} (see {@link JsonFeedDocument.History}; the
 * {@code Link} header carries every further link of the document); one {@link FeedEntry} is a feed of one item
 * whose feed URL is the item in this API, in this format.
 */
@ApplicationScoped
class JsonFeedWriter implements ModelWriter {

    static final MediaType MEDIA_TYPE = new MediaType("application", "feed+json", "utf-8");

    private final ObjectWriter writer;

    /** The app's mapper, writing astral characters (emoji) as UTF-8 rather than as pairs of escapes. */
    JsonFeedWriter(ObjectMapper mapper) {
        this.writer = mapper.writer().with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
    }

    @Override
    public String format() {
        return "jsonfeed";
    }

    @Override
    public MediaType mediaType() {
        return MEDIA_TYPE;
    }

    @Override
    public int preference() {
        return 40;
    }

    @Override
    public boolean writes(Class<?> model) {
        return Syndicated.class.isAssignableFrom(model);
    }

    @Override
    public FeedItems feedItems(Object model) {
        return FeedOutput.items(model);
    }

    @Override
    public Map<String, String> headers(Object model) {
        return FeedOutput.linkHeader(model, format());
    }

    @Override
    public void write(Object model, OutputStream out) throws IOException {
        Syndication feed = ((Syndicated) model).syndication();
        writer.writeValue(out, feed instanceof FeedDocument document ? feed(document) : feed((FeedEntry) feed));
    }

    private static JsonFeedDocument feed(FeedDocument document) {
        return new JsonFeedDocument(
                JsonFeedDocument.VERSION,
                document.title(),
                document.alternate(),
                document.self(),
                document.description(),
                document.channel().language(),
                document.next(),
                JsonFeedDocument.Hub.of(document),
                JsonFeedDocument.History.of(document),
                document.entries().stream().map(JsonFeedDocument.Item::of).toList());
    }

    private static JsonFeedDocument feed(FeedEntry entry) {
        return new JsonFeedDocument(
                JsonFeedDocument.VERSION,
                entry.title(),
                entry.url(),
                FeedOutput.withFormat(entry.self(), "jsonfeed"),
                entry.summary(),
                entry.channel().language(),
                null,
                null,
                null,
                List.of(JsonFeedDocument.Item.of(entry)));
    }
}
