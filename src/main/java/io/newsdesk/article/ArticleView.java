package io.newsdesk.article;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

import io.newsdesk.format.FeedChannel;
import io.newsdesk.format.Syndicated;
import io.newsdesk.format.Syndication;
import io.newsdesk.format.Tabular;

/**
 * One article as every format shows it. Field names are the public contract; as a feed it is one entry (see
 * {@link ArticleFeeds}), as CSV one row whose category and source become two columns each. {@code url} is the
 * permalink (see {@link Permalinks}). The last three are not fields of the article, but what its feed entry needs
 * (in no JSON, XML or CSV): its {@code uri}, the id no host or template changes; its {@code location} in this
 * API (the one-item feed's self link, the source's feed); and its one-item feed's language and polling hint.
 */
@JsonPropertyOrder({
    "id",
    "slug",
    "title",
    "summary",
    "content",
    "category",
    "source",
    "publishedAt",
    "updatedAt",
    "originalUrl",
    "url",
    "isSummary",
    "hasEditorialBias",
    "views"
})
@JacksonXmlRootElement(localName = "article")
public record ArticleView(
        long id,
        String slug,
        String title,
        String summary,
        String content,
        Ref category,
        Ref source,
        OffsetDateTime publishedAt,
        OffsetDateTime updatedAt,
        String originalUrl,
        String url,
        @JsonProperty("isSummary") boolean isSummary,
        @JsonProperty("hasEditorialBias") boolean hasEditorialBias,
        long views,
        @JsonIgnore String uri,
        @JsonIgnore String location,
        @JsonIgnore FeedChannel channel)
        implements Syndicated, Tabular {

    /** The CSV columns: the JSON field names, with category and source flattened. */
    static final List<String> COLUMNS = List.of(
            "id",
            "slug",
            "title",
            "summary",
            "content",
            "categorySlug",
            "categoryName",
            "sourceSlug",
            "sourceName",
            "publishedAt",
            "updatedAt",
            "originalUrl",
            "url",
            "isSummary",
            "hasEditorialBias",
            "views");

    /** A category or source as an article names it. */
    public record Ref(String slug, String name) {}

    @Override
    public Syndication syndication() {
        return ArticleFeeds.entry(this);
    }

    @Override
    public String tableName() {
        return "article-" + id;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<List<Object>> rows() {
        return List.of(cells());
    }

    /** One CSV row, in the order of {@link #COLUMNS}. */
    List<Object> cells() {
        return Arrays.asList(
                id,
                slug,
                title,
                summary,
                content,
                category.slug(),
                category.name(),
                source.slug(),
                source.name(),
                publishedAt,
                updatedAt,
                originalUrl,
                url,
                isSummary,
                hasEditorialBias,
                views);
    }
}
