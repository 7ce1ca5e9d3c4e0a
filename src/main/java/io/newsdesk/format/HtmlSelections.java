package io.newsdesk.format;

import java.util.List;

import jakarta.ws.rs.core.UriBuilder;

/**
 * Maps a {@link FeedDocument} to the selection page. The feeds it announces and the formats it offers are the
 * selection itself ({@code self} with {@code format} set and without {@code cursor}): a person subscribes to, or
 * downloads, the selection from its start, not the page they happen to be on.
 */
final class HtmlSelections {

    /** The format switch, in the order of the model site: the feeds, then the data formats. */
    private static final List<HtmlPages.Alternate> FORMATS = List.of(
            new HtmlPages.Alternate("rss", "RSS", "application/rss+xml", null),
            new HtmlPages.Alternate("atom", "Atom", "application/atom+xml", null),
            new HtmlPages.Alternate("jsonfeed", "JSON Feed", "application/feed+json", null),
            new HtmlPages.Alternate("json", "JSON", "application/json", null),
            new HtmlPages.Alternate("xml", "XML", "application/xml", null),
            new HtmlPages.Alternate("csv", "CSV", "text/csv", null));

    private static final int FEEDS = 3;

    private final HtmlSite site;

    HtmlSelections(HtmlSite site) {
        this.site = site;
    }

    HtmlPages.Selection page(FeedDocument document) {
        String selection = withoutCursor(document.self());
        List<HtmlPages.Alternate> formats = FORMATS.stream()
                .map(format -> new HtmlPages.Alternate(
                        format.format(),
                        format.label(),
                        format.type(),
                        FeedOutput.withFormat(selection, format.format())))
                .toList();
        return new HtmlPages.Selection(
                site.lang(),
                document.title(),
                document.description(),
                formats.subList(0, FEEDS),
                formats,
                document.filters(),
                document.entries().stream().map(this::item).toList(),
                document.next());
    }

    private HtmlPages.Item item(FeedEntry entry) {
        return new HtmlPages.Item(
                entry.title(),
                entry.url(),
                entry.source() == null ? null : entry.source().name(),
                site.time(entry.published()),
                entry.summary());
    }

    private static String withoutCursor(String url) {
        String without =
                UriBuilder.fromUri(url).replaceQueryParam("cursor").build().toString();
        return without.endsWith("?") ? without.substring(0, without.length() - 1) : without;
    }
}
