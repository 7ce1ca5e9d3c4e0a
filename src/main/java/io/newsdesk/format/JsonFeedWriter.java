package io.newsdesk.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.newsdesk.article.ArticlePage;
import io.newsdesk.article.ArticleSelection;
import io.newsdesk.article.ArticleView;
import io.newsdesk.article.FeedInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;

/**
 * JSON Feed 1.1 of the same page as JSON (same items, same order), with {@code next_url} exactly when JSON has
 * {@code next}; one article is a feed of one item whose feed URL is its own permalink in this format.
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
        return model == ArticleSelection.class || model == ArticleView.class;
    }

    @Override
    public void write(Object model, OutputStream out) throws IOException {
        writer.writeValue(out, model instanceof ArticleSelection selection ? feed(selection) : feed((ArticleView) model));
    }

    private static JsonFeedDocument feed(ArticleSelection selection) {
        FeedInfo info = selection.feed();
        ArticlePage page = selection.page();
        return new JsonFeedDocument(JsonFeedDocument.VERSION, info.title(), info.alternate(), info.self(),
                info.description(), page.next(), page.items().stream().map(JsonFeedDocument.Item::of).toList());
    }

    private static JsonFeedDocument feed(ArticleView article) {
        return new JsonFeedDocument(JsonFeedDocument.VERSION, article.title(), article.url(),
                article.url() + "?format=jsonfeed", article.summary(), null,
                List.of(JsonFeedDocument.Item.of(article)));
    }
}
