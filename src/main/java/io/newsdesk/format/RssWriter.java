package io.newsdesk.format;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jdom2.Element;
import org.jdom2.Namespace;

import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.modules.atom.modules.AtomLinkModuleImpl;
import com.rometools.modules.content.ContentModule;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.SyModule;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.rss.Source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;

/**
 * RSS 2.0 of a {@link FeedDocument} or of one {@link FeedEntry} (a one-item feed), written with Rome.
 * <ul>
 * <li>Channel: {@code title}, {@code link} (the document's {@code alternate}), {@code description},
 * {@code language}, {@code pubDate} and {@code lastBuildDate} ({@code updated}), the polling hints {@code ttl}
 * and {@code sy:updatePeriod}/{@code sy:updateFrequency} (see {@link FeedChannel}), and {@code atom:link rel="self"} /
 * {@code rel="next"} (only when there is a next page), then the document's further links ({@code prev-archive},
 * {@code current}, ...), through rome-modules' {@link AtomLinkModule}. Links to documents of this feed carry
 * {@code format=rss}, so that they return RSS whatever the reader's Accept header. RFC 5005's {@code fh:archive} or
 * {@code fh:complete} (Appendix B: use in RSS 2.0) precedes the first item, and the {@code Link} header repeats the
 * further links.</li>
 * <li>Item: {@code title}; {@code link} is the permalink {@code url}; {@code guid} is the entry's {@code uri},
 * which no host or permalink template changes, with {@code isPermaLink="false"} unless it is an http(s) URL
 * (derived from {@code newsdesk.public-url}); {@code pubDate} is {@code published} in RFC 822 GMT;
 * {@code category} is each category's label; {@code description} is the summary, plain text HTML-escaped (readers
 * take it as HTML), and {@code content:encoded} the {@link EntryHtml} of the entry (paragraphs, notices,
 * attribution); {@code source} names the entry's origin and links to the
 * origin's feed with {@code format=rss}, as RSS asks the source url to be a feed; {@code dc:creator} is the
 * origin's name (the item's author: RSS's own {@code author} must be an e-mail address) and {@code dc:source}
 * the external URL, where the story was first published (Dublin Core: "a related resource from which the
 * described resource is derived"), besides the attribution paragraph readers show.</li>
 * </ul>
 * {@code content:encoded} is foreign markup rather than rome-modules' ContentModule, whose generator writes a
 * CDATA section: JDOM refuses text containing {@code ]]>} there, and a CR in CDATA would come back as LF.
 * A single entry's feed has the entry as channel (its permalink as link) and {@code self?format=rss} as self link.
 */
@ApplicationScoped
class RssWriter implements ModelWriter {

    private static final Namespace CONTENT = Namespace.getNamespace("content", ContentModule.URI);
    private static final Namespace SY = Namespace.getNamespace("sy", SyModule.URI);
    private static final String TYPE = "application/rss+xml";

    @Override
    public String format() {
        return "rss";
    }

    @Override
    public MediaType mediaType() {
        return new MediaType("application", "rss+xml", "utf-8");
    }

    @Override
    public int preference() {
        return 20;
    }

    @Override
    public boolean writes(Class<?> model) {
        return Syndicated.class.isAssignableFrom(model);
    }

    @Override
    public FeedItems feedItems(Object model) {
        return FeedOutput.items(model);
    }

    @Override
    public void write(Object model, OutputStream out) throws IOException {
        Syndication feed = ((Syndicated) model).syndication();
        FeedChannel hints = feed instanceof FeedDocument document ? document.channel() : ((FeedEntry) feed).channel();
        FeedDocument.History history =
                feed instanceof FeedDocument document ? document.history() : FeedDocument.History.NONE;
        FeedOutput.write(
                feed instanceof FeedDocument document ? channel(document) : channel((FeedEntry) feed),
                root -> {
                    polling(root, hints);
                    FeedOutput.history(root, root.getChild("channel"), history, "item");
                },
                out);
    }

    /** The document's further links ({@code prev-archive}, {@code current}, ...) in the {@code Link} header. */
    @Override
    public Map<String, String> headers(Object model) {
        return FeedOutput.linkHeader(model, format());
    }

    private static Channel channel(FeedDocument document) {
        Channel channel = channel(
                document.title(), document.alternate(), document.description(), document.updated(), document.channel());
        links(channel, document.self(), document.next(), document.links());
        channel.setItems(document.entries().stream().map(RssWriter::item).toList());
        return channel;
    }

    private static Channel channel(FeedEntry entry) {
        Channel channel = channel(entry.title(), entry.url(), description(entry), entry.updated(), entry.channel());
        links(channel, entry.self(), null, List.of());
        channel.setItems(List.of(item(entry)));
        return channel;
    }

    private static Channel channel(
            String title, String link, String description, OffsetDateTime updated, FeedChannel hints) {
        Channel channel = new Channel("rss_2.0");
        channel.setEncoding("UTF-8");
        channel.setTitle(title);
        channel.setLink(link);
        channel.setDescription(description);
        channel.setLanguage(hints.language());
        channel.setPubDate(FeedOutput.date(updated));
        channel.setLastBuildDate(FeedOutput.date(updated));
        channel.setTtl(hints.ttlMinutes());
        return channel;
    }

    /** {@code sy:updatePeriod} and {@code sy:updateFrequency} in the channel, the namespace declared on the root. */
    private static void polling(Element rss, FeedChannel hints) {
        rss.addNamespaceDeclaration(SY);
        Element channel = rss.getChild("channel");
        channel.addContent(new Element("updatePeriod", SY).setText(hints.updatePeriod()));
        channel.addContent(new Element("updateFrequency", SY).setText(String.valueOf(hints.updateFrequency())));
    }

    /** RSS requires a channel description; an entry's summary may be empty, its title never is. */
    private static String description(FeedEntry entry) {
        return entry.summary().isBlank() ? entry.title() : entry.summary();
    }

    private static void links(Channel channel, String self, String next, List<FeedDocument.Link> further) {
        AtomLinkModule module = new AtomLinkModuleImpl();
        module.setLinks(FeedOutput.links("rss", TYPE, self, next, further));
        channel.getModules().add(module);
    }

    private static Item item(FeedEntry entry) {
        Item item = new Item();
        item.setTitle(entry.title());
        item.setLink(entry.url());
        Guid guid = new Guid();
        guid.setValue(entry.uri());
        guid.setPermaLink(entry.uri().startsWith("https://") || entry.uri().startsWith("http://"));
        item.setGuid(guid);
        item.setPubDate(FeedOutput.date(entry.published()));
        item.setCategories(entry.categories().stream().map(RssWriter::category).toList());
        Description description = new Description();
        description.setValue(EntryHtml.escape(entry.summary()));
        item.setDescription(description);
        Element encoded = new Element("encoded", CONTENT);
        encoded.setText(EntryHtml.of(entry));
        item.getForeignMarkup().add(encoded);
        DCModule dublinCore = new DCModuleImpl();
        if (entry.source() != null) {
            dublinCore.setCreator(entry.source().name());
        }
        if (entry.externalUrl() != null) {
            dublinCore.setSource(entry.externalUrl());
        }
        if (entry.source() != null || entry.externalUrl() != null) {
            item.getModules().add(dublinCore);
        }
        if (entry.source() != null) {
            Source source = new Source();
            source.setUrl(FeedOutput.withFormat(entry.source().feed(), "rss"));
            source.setValue(entry.source().name());
            item.setSource(source);
        }
        return item;
    }

    private static Category category(FeedEntry.Term term) {
        Category category = new Category();
        category.setValue(term.label());
        return category;
    }
}
