package io.newsdesk.changes;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.newsdesk.article.ArticleQueries;
import io.newsdesk.article.ArticleView;
import io.newsdesk.article.Change;
import io.newsdesk.article.ChangeFilter;
import io.newsdesk.article.ChangeLog;
import io.newsdesk.caching.Validators;
import io.newsdesk.links.Links;
import io.newsdesk.pipeline.Answer;
import io.newsdesk.problem.ProblemException;
import io.newsdesk.selection.SelectionParser;
import io.newsdesk.system.NewsdeskConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;

/**
 * The change log as a selection's reader sees it: parses {@code since} and {@code limit}, reads numbered changes,
 * keeps those that concern the selection ({@link ChangeFilter}) and makes them events.
 */
@ApplicationScoped
class ChangeService {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    /** How many log entries one poll reads at most, matching or not: a narrow selection still answers at once. */
    private static final int MAX_SCAN = 10_000;

    static final int BATCH = 500;

    private final ChangeLog log;
    private final ChangeFilter filters;
    private final ArticleQueries articles;
    private final SelectionParser selections;
    private final ZoneId zone;

    ChangeService(
            ChangeLog log,
            ChangeFilter filters,
            ArticleQueries articles,
            SelectionParser selections,
            NewsdeskConfig config) {
        this.log = log;
        this.filters = filters;
        this.articles = articles;
        this.selections = selections;
        this.zone = config.timeZone();
    }

    /** The selection's filters of a request (400 for bad ones, 404 for unknown slugs). */
    ChangeFilter.Matcher matcher(Map<String, List<String>> params) {
        return filters.matcher(selections.filters(params));
    }

    /** {@code GET /v1/changes?since=…}: the events after {@code since} that concern the selection. */
    Answer<ChangeList> list(Map<String, List<String>> params) {
        ChangeFilter.Matcher matcher = matcher(params);
        long since = number(params, "since", 0, Long.MAX_VALUE).orElse(0L);
        int limit = number(params, "limit", 1, MAX_LIMIT)
                .orElse((long) DEFAULT_LIMIT)
                .intValue();
        return Answer.live(
                (format, links) -> {
                    ChangeLog.Position position = log.position();
                    return Validators.of(
                            "", position.lastAt(), format, links.request(), position.last(), position.prunedThrough());
                },
                links -> read(matcher, since, limit, links));
    }

    @Transactional
    ChangeList read(ChangeFilter.Matcher matcher, long since, int limit, Links links) {
        ChangeLog.Position position = log.position();
        if (since < position.prunedThrough()) {
            return new ChangeList(List.of(), position.last(), links.with("since", position.last()), true);
        }
        List<ChangeEvent> items = new ArrayList<>();
        long cursor = since;
        int scanned = 0;
        Map<Long, Optional<ArticleView>> views = new HashMap<>();
        read:
        while (items.size() < limit && scanned < MAX_SCAN) {
            List<Change> batch = log.after(cursor, BATCH);
            for (Change change : batch) {
                cursor = change.seq();
                scanned++;
                Optional<String> kind = matcher.kind(change);
                if (kind.isPresent()) {
                    items.add(event(change, kind.get(), links, views));
                    if (items.size() == limit) {
                        break read;
                    }
                }
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        return new ChangeList(items, cursor, links.with("since", cursor), false);
    }

    /** The events among {@code changes} for one reader (views shared by readers with the same links). */
    @Transactional
    List<ChangeEvent> events(
            List<Change> changes, ChangeFilter.Matcher matcher, Links links, Map<Long, Optional<ArticleView>> views) {
        List<ChangeEvent> events = new ArrayList<>();
        for (Change change : changes) {
            matcher.kind(change).ifPresent(kind -> events.add(event(change, kind, links, views)));
        }
        return events;
    }

    private ChangeEvent event(Change change, String kind, Links links, Map<Long, Optional<ArticleView>> views) {
        ArticleView article = kind.equals(Change.DELETED)
                ? null
                : views.computeIfAbsent(change.articleId(), id -> articles.byId(id, links, false))
                        .orElse(null);
        return new ChangeEvent(
                change.seq(),
                kind,
                change.articleId(),
                links.article(change.articleId()),
                change.at().atZone(zone).toOffsetDateTime(),
                article);
    }

    /** The links of a stream's events: the host and base the client opened it at. */
    Links links(UriInfo uri) {
        return Links.of(uri);
    }

    /**
     * Where a stream starts: after {@code Last-Event-ID} when the client resumes (EventSource sends it by itself),
     * else after {@code since} when given, else null (from now on).
     */
    Long resumeAfter(String lastEventId, Map<String, List<String>> params) {
        if (lastEventId != null && !lastEventId.isBlank()) {
            String value = lastEventId.strip();
            if (value.matches("[0-9]{1,18}")) {
                return Long.parseLong(value);
            }
            throw ProblemException.invalidHeader(
                    "Last-Event-ID",
                    "Last-Event-ID must be the 'id' of an event this stream sent (a whole number); drop the header to"
                            + " start from now.");
        }
        return number(params, "since", 0, Long.MAX_VALUE).orElse(null);
    }

    /** An optional whole-number parameter within bounds; a 400 problem naming it otherwise. */
    static Optional<Long> number(Map<String, List<String>> params, String name, long min, long max) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        String hint = "'" + name + "' must be one whole number from " + min + " to " + max;
        if (values.size() > 1) {
            throw ProblemException.invalidParameter(name, hint + ", given once.");
        }
        String value = values.get(0).strip();
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max && value.matches("[0-9]+")) {
                return Optional.of(number);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalidParameter(
                name, hint + (name.equals("since") ? " (the 'id' of the last event you have)." : "."));
    }
}
