package io.newsdesk.format;

import java.util.List;

/**
 * The models of the HTML templates ({@code src/main/resources/templates/html}): everything a page shows, already
 * worked out (URLs, paragraphs, dates in the newsroom's zone), so that templates only place and escape text.
 */
final class HtmlPages {

    private HtmlPages() {}

    /** A moment: ISO-8601 for {@code datetime}, and as a person reads it. */
    public record Time(String iso, String text) {}

    /** A link to this page (or this selection) in another representation: its {@code format=} name, its label. */
    public record Alternate(String format, String label, String type, String href) {}

    /**
     * The article page.
     *
     * @param jsonLd schema.org {@code NewsArticle} as JSON, safe inside a {@code <script>} element
     * @param viewsText "1 view", "42 views", or null when the entry carries no count
     */
    public record Article(
            String lang,
            String title,
            String summary,
            String canonical,
            String jsonLd,
            String sourceName,
            String sourceUrl,
            String categoryName,
            String categoryUrl,
            Time published,
            Time updated,
            String viewsText,
            boolean summaryOfOther,
            boolean editorialBias,
            List<String> paragraphs,
            String originalUrl,
            List<Alternate> formats) {}

    /** One article in the list of a selection page. */
    public record Item(String title, String url, String source, Time published, String summary) {}

    /**
     * A page of a selection.
     *
     * @param feeds autodiscovery: the selection as RSS, Atom and JSON Feed
     * @param formats the switch: the selection in every format
     */
    public record Selection(
            String lang,
            String title,
            String description,
            List<Alternate> feeds,
            List<Alternate> formats,
            List<FeedDocument.Filter> filters,
            List<Item> items,
            String next) {}

    /** One cell of a table: text, a link when {@code href} is set, a row header when {@code header}. */
    public record Cell(String text, String href, boolean header) {}

    public record Table(String lang, String caption, List<String> columns, List<List<Cell>> rows) {}
}
