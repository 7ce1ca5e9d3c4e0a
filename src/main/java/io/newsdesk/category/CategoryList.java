package io.newsdesk.category;

import java.util.List;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

import io.newsdesk.format.Tabular;

/** Every category, by name. XML: {@code <categories><items><category>…}. */
@JacksonXmlRootElement(localName = "categories")
public record CategoryList(
        @JacksonXmlElementWrapper(localName = "items") @JacksonXmlProperty(localName = "category")
        List<CategoryView> items) implements Tabular {

    @Override
    public String tableName() {
        return "categories";
    }

    @Override
    public List<String> columns() {
        return CategoryView.COLUMNS;
    }

    @Override
    public List<List<Object>> rows() {
        return items.stream().map(CategoryView::cells).toList();
    }
}
