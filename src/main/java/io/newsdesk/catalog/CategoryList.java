package io.newsdesk.catalog;

import java.util.List;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** Every category, by name. XML: {@code <categories><items><category>…}. */
@JacksonXmlRootElement(localName = "categories")
public record CategoryList(
        @JacksonXmlElementWrapper(localName = "items") @JacksonXmlProperty(localName = "category")
        List<CategoryView> items)
        implements CatalogList {}
