package io.newsdesk.article;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** The answer to counting a view: the article and its new count. */
@JacksonXmlRootElement(localName = "viewCount")
public record ViewCount(long id, long views) {}
