package io.newsdesk.format;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The fixed feed every writer renders into its golden file: fixed instants (with offsets and a fraction of a
 * second that RSS cannot carry and Atom does), a next page, and text that is hard for every format: XML specials and
 * {@code ]]>}, astral-plane emoji and a flag, combining marks, right-to-left script, curly quotes, tabs, CR LF and
 * several paragraphs. The second entry has the optional parts missing: no origin, no external URL, an empty
 * summary. Self has no {@code format}, as when Accept chose the format.
 */
final class GoldenFeed {

    /** Not the defaults: a regional language tag, and a ttl beyond an hour (daily polling hints). */
    static final FeedChannel CHANNEL = new FeedChannel("de-CH", Duration.ofMinutes(90));

    static final String TITLE = "Markup <b>&amp;\"'</b> & ]]> with 🞛 and a flag 🇺🇦";

    static final String SUMMARY = "Summary with “curly quotes”, ‘single’, an em dash —, a tab\tand <i>tags</i> & &lt;";

    static final String CONTENT = "First paragraph with 🞛 and e\u0301.\n\nSecond, with \"quotes\", CR\r\nLF and "
            + "<script>alert('x')</script>.\n\n\tIndented third; עברית and العربية.";

    /** The paragraphs of {@link #CONTENT}: split on blank lines, stripped. */
    static final List<String> PARAGRAPHS = List.of(
            "First paragraph with 🞛 and e\u0301.",
            "Second, with \"quotes\", CR\r\nLF and <script>alert('x')</script>.",
            "Indented third; עברית and العربية.");

    static final FeedDocument DOCUMENT = new FeedDocument(
                    "https://news.example/v1/articles?category=world",
                    "Newsdesk: World & <Politics>",
                    "Articles of World & <Politics>, newest first.",
                    "https://news.example/v1/articles?category=world&limit=2",
                    "application/json",
                    "https://news.example/v1/articles?category=world&limit=2",
                    "https://news.example/v1/articles?category=world&limit=2&cursor=eyJpZCI6N30",
                    OffsetDateTime.parse("2026-05-02T10:30:15.25+02:00"),
                    GoldenFeed.CHANNEL,
                    List.of(
                            new FeedEntry(
                                    "42",
                                    "urn:newsdesk:article:42",
                                    TITLE,
                                    "https://news.example/v1/articles/42",
                                    "https://api.news.example/v1/articles/42",
                                    "https://www.example.org/news/story?a=1&b=2",
                                    SUMMARY,
                                    CONTENT,
                                    OffsetDateTime.parse("2026-05-02T08:00:00+02:00"),
                                    OffsetDateTime.parse("2026-05-02T10:30:15.25+02:00"),
                                    List.of(
                                            new FeedEntry.Term("world", "World & <Politics>"),
                                            new FeedEntry.Term("climate", "Climate 🌍")),
                                    new FeedEntry.Origin(
                                            "PBS “NewsHour”", "https://news.example/v1/articles?source=pbs"),
                                    new FeedEntry.Notices(true, true),
                                    1234,
                                    GoldenFeed.CHANNEL),
                            new FeedEntry(
                                    "7",
                                    "urn:newsdesk:article:7",
                                    "Right-to-left: القاهرة and ירושלים",
                                    "https://news.example/v1/articles/7",
                                    "https://api.news.example/v1/articles/7",
                                    null,
                                    "",
                                    "One line.",
                                    OffsetDateTime.parse("2026-04-30T23:59:59Z"),
                                    OffsetDateTime.parse("2026-04-30T23:59:59Z"),
                                    List.of(new FeedEntry.Term("world", "World & <Politics>")),
                                    null,
                                    FeedEntry.Notices.NONE,
                                    0,
                                    GoldenFeed.CHANNEL)))
            .withHistory(
                    FeedDocument.History.NONE,
                    List.of(new FeedDocument.Link("hub", "https://news.example/v1/websub", false)));

    private GoldenFeed() {}
}
