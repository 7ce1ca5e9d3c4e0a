package io.newsdesk.catalog;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** A source (outlet) with its website and its exact article count. */
@JacksonXmlRootElement(localName = "source")
public record SourceView(String slug, String name, String url, long articleCount) implements CatalogView {}
