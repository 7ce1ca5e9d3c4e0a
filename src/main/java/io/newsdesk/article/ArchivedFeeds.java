package io.newsdesk.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.newsdesk.caching.Lifetime;
import io.newsdesk.format.FeedDocument;
import io.newsdesk.format.Syndicated;
import io.newsdesk.links.Links;
import io.newsdesk.problem.ProblemException;
import io.newsdesk.selection.Selection;
import io.newsdesk.selection.Sort;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The feeds of a selection as RFC 5005 archived feeds, sliced into days of the newsroom's zone: a day is a slice
 * that new articles never move (an article belongs to the day it was published), so its archive document stays
 * what it is until one of its own articles changes.
 * <ul>
 * <li>The subscription document (a feed format, no cursor, newest first) holds whole days: the newest
 * {@code limit} articles and the rest of the oldest day they reach. It links {@code prev-archive} to the newest
 * older day that has articles, or, when there is none, holds the whole selection and says {@code fh:complete}.
 * Its {@code next} link, as before, continues after its last item.</li>
 * <li>The archive document of a day ({@code archive=YYYY-MM-DD}) holds every article of that day in the
 * selection, with neither limit nor cursor, says {@code fh:archive}, and links {@code current} (the subscription
 * document), {@code prev-archive} (the newest earlier day that has articles, none for the oldest) and
 * {@code next-archive} (the oldest later day that has articles, while that day is itself an archive: older than
 * every day of the subscription document at the default limit). A day without articles is an empty archive that
 * still links on, so that a link once published keeps working.</li>
 * <li>Any other feed document is a page of a paged feed ({@code next} only): one after a cursor, or oldest first;
 * a first page that holds the whole selection says {@code fh:complete}.</li>
 * </ul>
 * Following {@code prev-archive} from the subscription document thus reads every article of the selection once:
 * the document ends where a day ends, and each archive is one earlier day. An archive of a day before today is
 * cached for long ({@link Lifetime#ARCHIVED}), with the same validators as every read.
 */
@ApplicationScoped
class ArchivedFeeds {

    private final ArticleQueries queries;
    private final ArchiveQueries days;

    ArchivedFeeds(ArticleQueries queries, ArchiveQueries days) {
        this.queries = queries;
        this.days = days;
    }

    /** The read of {@code /v1/articles} in this format: a page, or in a feed format an RFC 5005 document. */
    ArticleSelection read(Selection selection, String format, Links links) {
        if (!Syndicated.FEED_FORMATS.contains(format)) {
            return queries.select(checked(selection, format), links);
        }
        if (selection.archive().isPresent()) {
            return archive(selection, selection.archive().get(), links);
        }
        if (selection.cursor().isEmpty() && selection.sort() == Sort.NEWEST) {
            return subscription(selection, links);
        }
        return queries.select(selection, links);
    }

    /** The selection, unless it names an archive day in a format that has no archive: a 400 problem. */
    Selection checked(Selection selection, String format) {
        if (selection.archive().isPresent() && !Syndicated.FEED_FORMATS.contains(format)) {
            throw ProblemException.invalidParameter(
                    "archive",
                    "'archive' names a day of an archived feed, which exists in the feed formats rss, atom and"
                            + " jsonfeed only, not in '" + format + "'. Ask for one of those, or use date="
                            + selection.archive().get() + " for that day's articles as " + format + ".");
        }
        return selection;
    }

    /** How long shared caches may keep the answer: long for the archive of a day that is over. */
    Lifetime lifetime(Selection selection) {
        LocalDate today = days.day(Instant.now());
        return selection.archive().filter(day -> day.isBefore(today)).isPresent()
                ? Lifetime.ARCHIVED
                : Lifetime.CURRENT;
    }

    private ArticleSelection subscription(Selection selection, Links links) {
        ResolvedSlugs slugs = queries.resolve(selection);
        List<ArticleView> items = new ArrayList<>(queries.rows(selection, slugs, selection.limit(), links));
        if (items.size() < selection.limit()) {
            return queries.answer(selection, slugs, items, false, links, FeedHistory.COMPLETE);
        }
        ArticleView last = items.get(items.size() - 1);
        Instant oldestDay = days.startOf(days.day(last.publishedAt().toInstant()));
        Selection restOfDay =
                selection.after(ArticleQueries.positionOf(last)).within(Optional.of(oldestDay), Optional.empty());
        items.addAll(queries.rows(restOfDay, slugs, Integer.MAX_VALUE, links));
        Optional<LocalDate> previous = days.newestDayBefore(selection, slugs, oldestDay);
        FeedHistory history = previous.map(
                        day -> new FeedHistory(FeedDocument.History.NONE, List.of(prevArchive(links, day))))
                .orElse(FeedHistory.COMPLETE);
        return queries.answer(selection, slugs, items, previous.isPresent(), links, history);
    }

    private ArticleSelection archive(Selection selection, LocalDate day, Links links) {
        ResolvedSlugs slugs = queries.resolve(selection);
        Instant start = days.startOf(day);
        Instant end = days.startOf(day.plusDays(1));
        List<ArticleView> items =
                queries.rows(selection.within(Optional.of(start), Optional.of(end)), slugs, Integer.MAX_VALUE, links);
        List<FeedDocument.Link> related = new ArrayList<>();
        related.add(new FeedDocument.Link("current", links.current(), true));
        days.newestDayBefore(selection, slugs, start).ifPresent(previous -> related.add(prevArchive(links, previous)));
        nextArchive(selection, slugs, end)
                .ifPresent(next ->
                        related.add(new FeedDocument.Link("next-archive", links.archive(next.toString()), true)));
        return queries.answer(
                selection, slugs, items, false, links, new FeedHistory(FeedDocument.History.ARCHIVE, related));
    }

    /**
     * The oldest day from {@code end} on that has articles, if it is an archive too: older than the oldest day of
     * the subscription document (at the default limit, which {@code current} has), whose days are not archives.
     */
    private Optional<LocalDate> nextArchive(Selection selection, ResolvedSlugs slugs, Instant end) {
        Optional<LocalDate> next = days.oldestDayFrom(selection, slugs, end);
        if (next.isEmpty()) {
            return next;
        }
        Optional<LocalDate> current = days.dayOfNewest(selection, slugs, Selection.DEFAULT_LIMIT);
        return next.filter(day -> current.isPresent() && day.isBefore(current.get()));
    }

    private static FeedDocument.Link prevArchive(Links links, LocalDate day) {
        return new FeedDocument.Link("prev-archive", links.archive(day.toString()), true);
    }
}
