package io.newsdesk.format;

import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;

import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import com.ctc.wstx.stax.WstxOutputFactory;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.newsdesk.article.ArticlePage;
import io.newsdesk.article.ArticleView;
import io.newsdesk.article.DayList;
import io.newsdesk.article.DayView;
import io.newsdesk.article.ViewCount;
import io.newsdesk.category.CategoryList;
import io.newsdesk.category.CategoryView;
import io.newsdesk.source.SourceList;
import io.newsdesk.source.SourceView;

/**
 * The element names of the XML representation, kept here as Jackson mix-ins so that the view records stay
 * free of XML concerns. Each list is {@code <items>} of singular elements, as JSON's {@code items} array.
 */
final class XmlElementNames {

    private XmlElementNames() {
    }

    /** An XmlMapper on Woodstox writing UTF-8 bytes, ISO date-times like JSON, and the element names below. */
    static XmlMapper mapper() {
        XMLOutputFactory output = new WstxOutputFactory();
        // CR must travel as a character reference or a parser would normalize it to LF
        output.setProperty(WstxOutputProperties.P_OUTPUT_ESCAPE_CR, true);
        XmlFactory factory = XmlFactory.builder().xmlInputFactory(new WstxInputFactory()).xmlOutputFactory(output)
                .build();
        return XmlMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(ToXmlGenerator.Feature.WRITE_XML_DECLARATION)
                .addMixIn(ArticlePage.class, Page.class)
                .addMixIn(ArticleView.class, Article.class)
                .addMixIn(CategoryList.class, Categories.class)
                .addMixIn(CategoryView.class, Category.class)
                .addMixIn(SourceList.class, Sources.class)
                .addMixIn(SourceView.class, Source.class)
                .addMixIn(DayList.class, Days.class)
                .addMixIn(DayView.class, Day.class)
                .addMixIn(ViewCount.class, Views.class)
                .build();
    }

    @JacksonXmlRootElement(localName = "articles")
    abstract static class Page {

        @JacksonXmlElementWrapper(localName = "items")
        @JacksonXmlProperty(localName = "article")
        abstract List<ArticleView> items();

        /** JSON always has {@code next}; XML has the element only when there is a next page. */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String next();
    }

    @JacksonXmlRootElement(localName = "article")
    abstract static class Article {
    }

    @JacksonXmlRootElement(localName = "categories")
    abstract static class Categories {

        @JacksonXmlElementWrapper(localName = "items")
        @JacksonXmlProperty(localName = "category")
        abstract List<CategoryView> items();
    }

    @JacksonXmlRootElement(localName = "category")
    abstract static class Category {
    }

    @JacksonXmlRootElement(localName = "sources")
    abstract static class Sources {

        @JacksonXmlElementWrapper(localName = "items")
        @JacksonXmlProperty(localName = "source")
        abstract List<SourceView> items();
    }

    @JacksonXmlRootElement(localName = "source")
    abstract static class Source {
    }

    @JacksonXmlRootElement(localName = "dates")
    abstract static class Days {

        @JacksonXmlElementWrapper(localName = "items")
        @JacksonXmlProperty(localName = "day")
        abstract List<DayView> items();
    }

    @JacksonXmlRootElement(localName = "day")
    abstract static class Day {
    }

    @JacksonXmlRootElement(localName = "viewCount")
    abstract static class Views {
    }
}
