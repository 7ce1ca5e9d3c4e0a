package io.newsdesk.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.LineSeparator;
import org.jdom2.output.XMLOutputter;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Link;
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

    /** RFC 5005's namespace of {@code fh:archive} and {@code fh:complete}. */
    static final Namespace HISTORY = Namespace.getNamespace("fh", "http://purl.org/syndication/history/1.0");

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
     * The links of an Atom feed or of RSS's {@code atom:link}s: self, next (when there is a next page), then the
     * document's further links. Links to documents of this feed carry {@code format=<format>}, so that they return
     * the feed also to a client that sends no Accept header, and the feed's media type.
     */
    static List<Link> links(String format, String type, String self, String next, List<FeedDocument.Link> further) {
        List<Link> links = new ArrayList<>();
        links.add(link("self", withFormat(self, format), type));
        if (next != null) {
            links.add(link("next", withFormat(next, format), type));
        }
        further.stream()
                .filter(link -> !link.rel().equals("self")) // written first, above; a further self is for the header
                .forEach(link -> links.add(link(link.rel(), link.href(format), link.sameFeed() ? type : null)));
        return links;
    }

    static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    /**
     * RFC 5005's marker of the document ({@code <fh:archive/>} or {@code <fh:complete/>}), if it has one, in
     * {@code head} (Atom's {@code feed}, RSS's {@code channel}) before its first item, the namespace declared on
     * the root element.
     */
    static void history(Element root, Element head, FeedDocument.History history, String item) {
        if (history == FeedDocument.History.NONE) {
            return;
        }
        root.addNamespaceDeclaration(HISTORY);
        Element marker = new Element(history == FeedDocument.History.ARCHIVE ? "archive" : "complete", HISTORY);
        Element first = head.getChild(item, head.getNamespace());
        head.addContent(first == null ? head.getContentSize() : head.indexOf(first), marker);
    }

    /**
     * The HTTP {@code Link} header (RFC 8288) of a feed answer: the document's further links, as its writer of
     * {@code format} writes them in the body; none for a one-entry feed or a document without further links.
     */
    static Map<String, String> linkHeader(Object model, String format) {
        if (!(((Syndicated) model).syndication() instanceof FeedDocument document)
                || document.links().isEmpty()) {
            return Map.of();
        }
        return Map.of(
                "Link",
                document.links().stream()
                        .map(link -> "<" + link.href(format) + ">; rel=\"" + link.rel() + "\"")
                        .collect(Collectors.joining(", ")));
    }

    /**
     * This URL with {@code format=<format>}, so that a feed's self and next links return the feed also to a
     * client that sends no Accept header (the request may have chosen the format through Accept alone).
     */
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
