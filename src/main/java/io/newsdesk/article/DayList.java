package io.newsdesk.article;

import java.util.List;

/** The archive of a selection: every day that has articles, newest first. */
public record DayList(List<DayView> items) {
}
