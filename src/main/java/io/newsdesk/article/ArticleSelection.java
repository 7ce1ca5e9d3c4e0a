package io.newsdesk.article;

import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The answer to a read of {@code /v1/articles}: one page of the selection (what JSON, XML and the feeds
 * show), the feed's own description, and the whole selection as keyset batches for writers that export it
 * all (CSV). Slugs are resolved and the page is read before any writer runs, so every 404 comes first.
 */
public final class ArticleSelection {

    private final ArticlePage page;
    private final FeedInfo feed;
    private final Streamer streamer;

    interface Streamer {
        void stream(int batchSize, Consumer<List<ArticleView>> batches);
    }

    ArticleSelection(ArticlePage page, FeedInfo feed, Streamer streamer) {
        this.page = page;
        this.feed = feed;
        this.streamer = streamer;
    }

    @JsonValue
    public ArticlePage page() {
        return page;
    }

    public FeedInfo feed() {
        return feed;
    }

    /** Every article of the selection (after its cursor, if any), in its order, ignoring the page limit. */
    public void stream(int batchSize, Consumer<List<ArticleView>> batches) {
        streamer.stream(batchSize, batches);
    }
}
