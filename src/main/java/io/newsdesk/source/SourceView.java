package io.newsdesk.source;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

import io.newsdesk.format.Tabular;

/** A source (outlet) with its website and its exact article count. */
@JacksonXmlRootElement(localName = "source")
public record SourceView(String slug, String name, String url, long articleCount) implements Tabular {

    static final List<String> COLUMNS = List.of("slug", "name", "url", "articleCount");

    @Override
    public String tableName() {
        return "source-" + slug;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<List<Object>> rows() {
        return List.of(cells());
    }

    List<Object> cells() {
        return Arrays.asList(slug, name, url, articleCount);
    }
}
