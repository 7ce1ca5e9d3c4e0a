package io.newsdesk.article;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

import io.newsdesk.format.Tabular;

/** The archive of a selection: every day that has articles, newest first. XML: {@code <dates><items><day>…}. */
@JacksonXmlRootElement(localName = "dates")
public record DayList(
        @JacksonXmlElementWrapper(localName = "items") @JacksonXmlProperty(localName = "day")
        List<DayView> items) implements Tabular {

    @Override
    public String tableName() {
        return "dates";
    }

    @Override
    public List<String> columns() {
        return List.of("date", "count", "articles");
    }

    @Override
    public List<List<Object>> rows() {
        return items.stream()
                .map(day -> Arrays.<Object>asList(day.date(), day.count(), day.articles()))
                .toList();
    }

    @Override
    public String caption() {
        return "Days with articles";
    }

    @Override
    public String linkText(String column, List<Object> row) {
        return "Articles of " + row.get(0);
    }
}
