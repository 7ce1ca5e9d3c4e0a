package io.newsdesk.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The HTML of an entry's content, one fragment for every feed format (RSS {@code content:encoded}, Atom
 * {@code content type="html"}, JSON Feed {@code content_html}), as the newsroom's site shows an article:
 * <ol>
 * <li>the stored text, which is plain text and never markup, split on blank lines (a line holding only spaces
 * or tabs counts as blank): each paragraph, stripped, one {@code <p>}, every character escaped; a single line
 * break stays in its paragraph (HTML shows it as a space);</li>
 * <li>the notices, each a {@code <p>}: {@link #SUMMARY_NOTICE}, {@link #BIAS_NOTICE};</li>
 * <li>the attribution, a {@code <p>} "Read the full <em>source</em> article at" with a link to the entry's
 * external URL, when it has one.</li>
 * </ol>
 * Summaries stay plain text: feeds carry them escaped (RSS) or as text ({@code type="text"}, JSON strings).
 */
public final class EntryHtml {

    public static final String SUMMARY_NOTICE = "This is a summary or evaluation of another publication.";
    public static final String BIAS_NOTICE = "This article contains editorial commentary or bias from the source.";

    /**
     * A line break (CR LF, CR or LF), then lines of spaces and tabs only, each ended by a line break. The groups
     * are atomic: a CR LF is one break, never a CR and an LF (Java's {@code \R} would backtrack into two).
     */
    private static final Pattern BLANK_LINES = Pattern.compile("(?>\r\n|\r|\n)(?:[ \t]*(?>\r\n|\r|\n))+");

    private EntryHtml() {}

    /** The entry's content as an HTML fragment: its paragraphs, its notices, its attribution. */
    public static String of(FeedEntry entry) {
        StringBuilder html = new StringBuilder(entry.content().length() + 256);
        paragraphs(entry.content()).forEach(p -> paragraph(html, escape(p)));
        if (entry.notices().summaryOfOther()) {
            paragraph(html, escape(SUMMARY_NOTICE));
        }
        if (entry.notices().editorialBias()) {
            paragraph(html, escape(BIAS_NOTICE));
        }
        if (entry.externalUrl() != null) {
            paragraph(html, attribution(entry));
        }
        return html.toString();
    }

    /** The paragraphs of plain text: split on blank lines, each stripped, none empty. */
    public static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        Arrays.stream(BLANK_LINES.split(text))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .forEach(paragraphs::add);
        return paragraphs;
    }

    /** "Read the full PBS article at <a href=…>…</a>": the source's name when the entry has one. */
    static String attribution(FeedEntry entry) {
        String url = escape(entry.externalUrl());
        String source = entry.source() == null ? "" : escape(entry.source().name()) + " ";
        return "Read the full " + source + "article at <a href=\"" + url + "\">" + url + "</a>";
    }

    /**
     * Plain text as HTML text or attribute value: {@code & < > " '} as references, every other character as it
     * is, so that an HTML parser gives back exactly the text.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void paragraph(StringBuilder html, String inner) {
        html.append("<p>").append(inner).append("</p>");
    }
}
