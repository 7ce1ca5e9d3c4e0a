package io.newsdesk.article;

import java.time.LocalDate;

/** One day of the archive: its date in the newsroom's zone, how many articles, and the link to them. */
public record DayView(LocalDate date, long count, String articles) {
}
