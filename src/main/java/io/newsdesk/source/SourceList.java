package io.newsdesk.source;

import java.util.List;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

import io.newsdesk.format.Tabular;

/** Every source, by name. XML: {@code <sources><items><source>…}. */
@JacksonXmlRootElement(localName = "sources")
public record SourceList(
        @JacksonXmlElementWrapper(localName = "items") @JacksonXmlProperty(localName = "source")
        List<SourceView> items) implements Tabular {

    @Override
    public String tableName() {
        return "sources";
    }

    @Override
    public List<String> columns() {
        return SourceView.COLUMNS;
    }

    @Override
    public List<List<Object>> rows() {
        return items.stream().map(SourceView::cells).toList();
    }
}
