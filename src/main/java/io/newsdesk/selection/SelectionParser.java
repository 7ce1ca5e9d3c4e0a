package io.newsdesk.selection;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.newsdesk.problem.ProblemException;
import io.newsdesk.system.NewsdeskConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns query parameters into a {@link Selection}, or a 400 problem that names the parameter and says what
 * a good value looks like. Nothing here touches the database; unknown slugs are found by the queries.
 * Parameters this API does not define are ignored (feed URLs often carry tracking parameters).
 */
@ApplicationScoped
public class SelectionParser {

    public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    static final int MAX_SLUG_LENGTH = 100;
    static final int MAX_VALUES = 50;

    /** Whether this text can be a slug at all (syntax and length): checked before any slug reaches a query. */
    public static boolean isSlug(String text) {
        return text != null
                && text.length() <= MAX_SLUG_LENGTH
                && SLUG.matcher(text).matches();
    }

    private final TimeWindows windows;
    private final CursorCodec cursors;

    SelectionParser(NewsdeskConfig config, CursorCodec cursors) {
        this.windows = new TimeWindows(config.timeZone());
        this.cursors = cursors;
    }

    /** The selection of {@code /v1/articles}: filters, order and page (or archive day). */
    public Selection articles(Map<String, List<String>> params) {
        Selection filters = filters(params);
        Optional<LocalDate> archive = single(params, "archive").map(value -> TimeWindows.day("archive", value));
        Selection selection = new Selection(
                filters.categories(),
                filters.sources(),
                filters.from(),
                filters.to(),
                filters.search(),
                sort(params, filters.search()),
                limit(params),
                Optional.empty(),
                archive);
        Optional<String> token = single(params, "cursor");
        if (token.isEmpty()) {
            return selection;
        }
        if (archive.isPresent()) {
            throw ProblemException.invalidParameter(
                    "archive",
                    "An archive document holds its whole day and has no pages, so 'archive' and 'cursor' do not go"
                            + " together: drop 'cursor' to read the day, or drop 'archive' to page through the"
                            + " selection with 'next'.");
        }
        Cursor cursor = cursors.decode(token.get(), selection)
                .orElseThrow(() -> ProblemException.invalidParameter(
                        "cursor",
                        "This cursor does not belong to this selection and sort, or it was altered or cut."
                                + " Follow the 'next' link of the previous page unchanged, or drop 'cursor' to start"
                                + " from the first page."));
        return selection.after(cursor);
    }

    /** The filters alone, for {@code /v1/dates}: sort, limit, cursor and archive do not apply. */
    public Selection filters(Map<String, List<String>> params) {
        List<String> categories = slugs(params, "category");
        List<String> sources = slugs(params, "source");
        TimeWindows.Window window =
                windows.window(single(params, "date"), single(params, "from"), single(params, "to"));
        TextQuery search = Words.parse(single(params, "q"));
        return new Selection(
                categories,
                sources,
                window.from(),
                window.to(),
                search,
                Sort.NEWEST,
                Selection.DEFAULT_LIMIT,
                Optional.empty(),
                Optional.empty());
    }

    static Optional<String> single(Map<String, List<String>> params, String name) {
        List<String> values = params.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw ProblemException.invalidParameter(
                    name, "Give '" + name + "' at most once; it was given " + values.size() + " times.");
        }
        return values.stream().findFirst().filter(value -> !value.isEmpty());
    }

    private static List<String> slugs(Map<String, List<String>> params, String name) {
        List<String> values = params.getOrDefault(name, List.of());
        if (values.size() > MAX_VALUES) {
            throw ProblemException.invalidParameter(
                    name,
                    "At most " + MAX_VALUES + " '" + name + "' values are allowed in one request; " + values.size()
                            + " were given.");
        }
        for (String value : values) {
            if (!isSlug(value)) {
                throw ProblemException.invalidParameter(
                        name,
                        "'" + Words.printable(value)
                                + "' is not a " + name
                                + " slug: slugs are lowercase letters, digits and single hyphens,"
                                + " at most " + MAX_SLUG_LENGTH + " characters (see /v1/" + plural(name) + ").");
            }
        }
        return values;
    }

    private static String plural(String name) {
        return name.equals("category") ? "categories" : "sources";
    }

    private static Sort sort(Map<String, List<String>> params, TextQuery search) {
        Sort sort = single(params, "sort")
                .map(value -> switch (value) {
                    case "newest" -> Sort.NEWEST;
                    case "oldest" -> Sort.OLDEST;
                    case "relevance" -> Sort.RELEVANCE;
                    default ->
                        throw ProblemException.invalidParameter(
                                "sort",
                                "'sort' is 'newest' (the default), 'oldest' or 'relevance', not '"
                                        + Words.printable(value) + "'.");
                })
                .orElse(Sort.NEWEST);
        if (sort == Sort.RELEVANCE && search.positiveTerms().isEmpty()) {
            throw ProblemException.invalidParameter(
                    "sort",
                    "'sort=relevance' ranks articles by how well they match 'q', so it needs a 'q' with at least one"
                            + " word or phrase that must occur; add one, or use sort=newest or sort=oldest.");
        }
        return sort;
    }

    private static int limit(Map<String, List<String>> params) {
        Optional<String> value = single(params, "limit");
        if (value.isEmpty()) {
            return Selection.DEFAULT_LIMIT;
        }
        String text = value.get();
        if (text.length() <= 3 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= Selection.MAX_LIMIT) {
                return limit;
            }
        }
        throw ProblemException.invalidParameter(
                "limit",
                "'limit' is a whole number from 1 to "
                        + Selection.MAX_LIMIT + " (default " + Selection.DEFAULT_LIMIT + "), not '"
                        + Words.printable(text) + "'. Use 'next' to read further pages.");
    }
}
