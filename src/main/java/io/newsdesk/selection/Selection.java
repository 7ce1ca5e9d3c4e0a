package io.newsdesk.selection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The query model of every read: which articles (categories OR-ed, sources OR-ed, the two AND-ed, a
 * half-open time window {@code [from, to)}, the text query {@code q}), in which order, and which page: the
 * first, the one after a cursor, or, for a feed, the archive document of one day in the newsroom's zone
 * (RFC 5005; {@code archive} and {@code cursor} never come together).
 * Immutable and already validated: building one is where every 400 of the selection parameters comes from.
 *
 * <p>{@code scheduled}: whether articles under embargo (a {@code publishedAt} still in the future) are included,
 * which only an editor's read asks for; every public read leaves them out until their instant.
 */
public record Selection(
        List<String> categories,
        List<String> sources,
        Optional<Instant> from,
        Optional<Instant> to,
        TextQuery search,
        Sort sort,
        int limit,
        Optional<Cursor> cursor,
        Optional<LocalDate> archive,
        boolean scheduled) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public Selection {
        categories = List.copyOf(new TreeSet<>(categories));
        sources = List.copyOf(new TreeSet<>(sources));
    }

    /** A public selection (embargoed articles left out). */
    public Selection(
            List<String> categories,
            List<String> sources,
            Optional<Instant> from,
            Optional<Instant> to,
            TextQuery search,
            Sort sort,
            int limit,
            Optional<Cursor> cursor,
            Optional<LocalDate> archive) {
        this(categories, sources, from, to, search, sort, limit, cursor, archive, false);
    }

    public Selection after(Cursor next) {
        return new Selection(categories, sources, from, to, search, sort, limit, Optional.of(next), archive, scheduled);
    }

    public Selection withoutCursor() {
        return new Selection(categories, sources, from, to, search, sort, limit, Optional.empty(), archive, scheduled);
    }

    /**
     * This selection narrowed to the half-open window {@code [start, end)} (either bound may be absent): its own
     * window intersected with that one, clamped like every window. An empty intersection selects nothing.
     */
    public Selection within(Optional<Instant> start, Optional<Instant> end) {
        Optional<Instant> later =
                start.map(s -> from.filter(f -> f.isAfter(s)).orElse(s)).or(() -> from);
        Optional<Instant> earlier =
                end.map(e -> to.filter(t -> t.isBefore(e)).orElse(e)).or(() -> to);
        return new Selection(
                categories,
                sources,
                later.map(TimeWindows::clamp),
                earlier.map(TimeWindows::clamp),
                search,
                sort,
                limit,
                cursor,
                archive,
                scheduled);
    }

    /** The same selection as an editor reads it when {@code editor}: embargoed articles included. */
    public Selection visibleTo(boolean editor) {
        return editor == scheduled
                ? this
                : new Selection(categories, sources, from, to, search, sort, limit, cursor, archive, editor);
    }

    /**
     * What a cursor is bound to: the filters and the order, not the page size (a client may change
     * {@code limit} between pages), not the position itself, and not who reads (an editor's cursor is a
     * position in time like any other).
     */
    String fingerprint() {
        return String.join(
                "\u001f",
                String.join(",", categories),
                String.join(",", sources),
                from.map(Instant::toString).orElse(""),
                to.map(Instant::toString).orElse(""),
                search.text(),
                sort.name());
    }
}
