package io.newsdesk.article;

import java.time.LocalDate;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** One day of the archive: its date in the newsroom's zone, how many articles, and the link to them. */
@JacksonXmlRootElement(localName = "day")
public record DayView(LocalDate date, long count, String articles) {}
