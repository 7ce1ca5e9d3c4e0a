package io.newsdesk.article;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * One page of a selection: its items in order, and the absolute URL of the next page or null (in XML: no
 * {@code <next>}). XML: {@code <articles><items><article>…}.
 */
@JacksonXmlRootElement(localName = "articles")
public record ArticlePage(
        @JacksonXmlElementWrapper(localName = "items") @JacksonXmlProperty(localName = "article")
        List<ArticleView> items,

        @JsonInclude(JsonInclude.Include.ALWAYS) String next) {}
