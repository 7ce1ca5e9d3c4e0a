package io.newsdesk.catalog;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** A category with its exact article count and its own absolute URL. */
@JacksonXmlRootElement(localName = "category")
public record CategoryView(String slug, String name, long articleCount, String url) implements CatalogView {}
