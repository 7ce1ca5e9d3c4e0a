package io.newsdesk.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.output.Format;
import org.jdom2.output.LineSeparator;
import org.jdom2.output.XMLOutputter;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;

import jakarta.ws.rs.core.UriBuilder;

/**
 * What the RSS and Atom writers share: Rome builds the JDOM document, and we serialize it ourselves, because
 * Rome's own {@code WireFeedOutput.output} either pretty-prints or normalizes whitespace (both change titles and
 * content) and JDOM's default UTF-8 strategy writes astral characters as {@code &#x1f4c8;} references. Here the
 * text is kept byte for byte: raw UTF-8 for every character, {@code &lt; &gt; &amp;} for markup, {@code &#xD;}
 * for CR (which a parser would otherwise fold into LF), no line separator translation, never CDATA.
 */
final class FeedOutput {

    private FeedOutput() {}

    static void write(WireFeed feed, OutputStream out) throws IOException {
        write(feed, root -> {}, out);
    }

    /**
     * Writes the feed after {@code finish} has added to its root element what Rome cannot write itself (Atom's
     * {@code xml:lang}, RSS's {@code sy:} polling hints: Rome generates the syndication module for RSS 1.0 only).
     */
    static void write(WireFeed feed, Consumer<Element> finish, OutputStream out) throws IOException {
        Document document;
        try {
            document = new WireFeedOutput().outputJDom(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome refused the " + feed.getFeedType() + " feed", e);
        }
        finish.accept(document.getRootElement());
        Format format = Format.getRawFormat()
                .setEncoding("UTF-8")
                .setLineSeparator(LineSeparator.NONE)
                .setEscapeStrategy(character -> false);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        new XMLOutputter(format).output(document, writer);
        writer.flush();
    }

    /**
     * This URL with {@code format=<format>}, so that a feed's self and next links return the feed also to a
     * client that sends no Accept header (the request may have chosen the format through Accept alone).
     */
    /**
     * The {@code Link} header of a feed document that has a WebSub hub: {@code <hub>; rel="hub", <self>; rel="self"}
     * (WebSub 4), self with the writer's format pinned; no header otherwise.
     */
    static Map<String, String> hubLinks(Object model, String format) {
        if (model instanceof Syndicated syndicated
                && syndicated.syndication() instanceof FeedDocument document
                && document.hub() != null) {
            return Map.of(
                    "Link",
                    "<" + document.hub() + ">; rel=\"hub\", <" + withFormat(document.self(), format)
                            + ">; rel=\"self\"");
        }
        return Map.of();
    }

    static String withFormat(String url, String format) {
        String query = URI.create(url).getRawQuery();
        List<String> formats = query == null
                ? List.of()
                : Arrays.stream(query.split("&"))
                        .filter(p -> p.equals("format") || p.startsWith("format="))
                        .toList();
        if (formats.equals(List.of("format=" + format))) {
            return url;
        }
        return UriBuilder.fromUri(url)
                .replaceQueryParam("format", format)
                .build()
                .toString();
    }

    /**
     * RFC 3339 as JSON and JSON Feed write it: the instant's own offset, seconds always, the fraction when it is
     * not zero, to the precision stored. Atom uses it too, so that one article has one time in every format that
     * can carry a fraction.
     */
    static String rfc3339(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    /** What the feed writers answer to {@link ModelWriter#feedItems}: a feed document's items, none of one entry. */
    static FeedItems items(Object model) {
        return ((Syndicated) model).syndication() instanceof FeedDocument document ? document : null;
    }

    static Date date(OffsetDateTime time) {
        return Date.from(time.toInstant());
    }
}
