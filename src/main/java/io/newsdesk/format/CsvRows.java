package io.newsdesk.format;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import io.newsdesk.article.ArticleSelection;
import io.newsdesk.article.ArticleView;
import io.newsdesk.article.DayList;
import io.newsdesk.category.CategoryList;
import io.newsdesk.category.CategoryView;
import io.newsdesk.source.SourceList;
import io.newsdesk.source.SourceView;

/**
 * The columns of each CSV and the cells of each row. Column names are the JSON field names; an article's
 * category and source become two columns each. Text cells go through {@link #cell}; numbers and booleans are
 * written as JSON writes them and cannot start with a formula character.
 */
final class CsvRows {

    static final String[] ARTICLE_HEADER = { "id", "slug", "title", "summary", "content", "categorySlug",
            "categoryName", "sourceSlug", "sourceName", "publishedAt", "updatedAt", "originalUrl", "url",
            "isSummary", "hasEditorialBias", "views" };
    static final String[] CATEGORY_HEADER = { "slug", "name", "articleCount", "url" };
    static final String[] SOURCE_HEADER = { "slug", "name", "url", "articleCount" };
    static final String[] DAY_HEADER = { "date", "count", "articles" };

    private static final Set<Class<?>> MODELS = Set.of(ArticleSelection.class, ArticleView.class,
            CategoryList.class, CategoryView.class, SourceList.class, SourceView.class, DayList.class);

    /** A whole CSV that fits in memory: every model but the article selection, which is streamed. */
    record Table(String name, String[] header, List<String[]> rows) {
    }

    private CsvRows() {
    }

    static boolean writes(Class<?> model) {
        return MODELS.stream().anyMatch(type -> type.isAssignableFrom(model));
    }

    static Table table(Object model) {
        if (model instanceof ArticleView article) {
            return new Table("article-" + article.id(), ARTICLE_HEADER, List.<String[]>of(article(article)));
        }
        if (model instanceof CategoryList list) {
            return new Table("categories", CATEGORY_HEADER, list.items().stream().map(CsvRows::category).toList());
        }
        if (model instanceof CategoryView category) {
            return new Table("category-" + category.slug(), CATEGORY_HEADER, List.<String[]>of(category(category)));
        }
        if (model instanceof SourceList list) {
            return new Table("sources", SOURCE_HEADER, list.items().stream().map(CsvRows::source).toList());
        }
        if (model instanceof SourceView source) {
            return new Table("source-" + source.slug(), SOURCE_HEADER, List.<String[]>of(source(source)));
        }
        if (model instanceof DayList days) {
            return new Table("dates", DAY_HEADER, days.items().stream()
                    .map(day -> new String[] { day.date().toString(), Long.toString(day.count()), cell(day.articles()) })
                    .toList());
        }
        throw new IllegalArgumentException("No CSV for " + model.getClass().getName());
    }

    static String[] article(ArticleView a) {
        return new String[] { Long.toString(a.id()), cell(a.slug()), cell(a.title()), cell(a.summary()),
                cell(a.content()), cell(a.category().slug()), cell(a.category().name()), cell(a.source().slug()),
                cell(a.source().name()), time(a.publishedAt()), time(a.updatedAt()), cell(a.originalUrl()),
                cell(a.url()), Boolean.toString(a.isSummary()), Boolean.toString(a.hasEditorialBias()),
                Long.toString(a.views()) };
    }

    private static String[] category(CategoryView c) {
        return new String[] { cell(c.slug()), cell(c.name()), Long.toString(c.articleCount()), cell(c.url()) };
    }

    private static String[] source(SourceView s) {
        return new String[] { cell(s.slug()), cell(s.name()), cell(s.url()), Long.toString(s.articleCount()) };
    }

    /** As JSON writes it: ISO-8601 with offset, seconds always present ({@code OffsetDateTime.toString} drops them). */
    private static String time(OffsetDateTime time) {
        return cell(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
    }

    /**
     * A text cell that no spreadsheet will evaluate (OWASP CSV injection): text starting with {@code =},
     * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading {@code '}, which Excel,
     * LibreOffice and Google Sheets read as "this is text". Everything after it is the text, unchanged.
     * Null (no value) is an empty cell.
     */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
