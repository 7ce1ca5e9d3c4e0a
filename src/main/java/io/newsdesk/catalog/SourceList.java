package io.newsdesk.catalog;

import java.util.List;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** Every source, by name. XML: {@code <sources><items><source>…}. */
@JacksonXmlRootElement(localName = "sources")
public record SourceList(
        @JacksonXmlElementWrapper(localName = "items") @JacksonXmlProperty(localName = "source")
        List<SourceView> items) implements CatalogList {}
