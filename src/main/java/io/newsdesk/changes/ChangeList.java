package io.newsdesk.changes;

import java.util.List;

/**
 * A page of the change log for clients that poll: the events after {@code since} that concern the selection,
 * {@code last} (the number to poll after next: the last event read, matching or not), {@code next} (this request
 * with {@code since=last}), and {@code reload}: true when {@code since} is older than the log keeps, so that
 * changes may have been missed and the client should read the selection again, then poll from {@code last}.
 */
public record ChangeList(List<ChangeEvent> items, long last, String next, boolean reload) {}
