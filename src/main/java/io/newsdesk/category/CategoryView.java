package io.newsdesk.category;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

import io.newsdesk.format.Tabular;

/** A category with its exact article count and its own absolute URL. */
@JacksonXmlRootElement(localName = "category")
public record CategoryView(String slug, String name, long articleCount, String url) implements Tabular {

    static final List<String> COLUMNS = List.of("slug", "name", "articleCount", "url");

    @Override
    public String tableName() {
        return "category-" + slug;
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
        return Arrays.asList(slug, name, articleCount, url);
    }
}
