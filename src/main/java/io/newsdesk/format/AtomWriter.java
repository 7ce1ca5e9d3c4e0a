package io.newsdesk.format;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jdom2.Element;
import org.jdom2.Namespace;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Person;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;

/**
 * Atom (RFC 4287) of a {@link FeedDocument} or of one {@link FeedEntry} (a one-item feed), written with Rome.
 * <ul>
 * <li>Feed {@code id}: the document's {@code id}, the same for every page and host; a single entry's feed has the
 * entry's id. Links: {@code self} and {@code next} (only when there is a next page) with {@code format=atom}, so
 * that they return Atom whatever the reader's Accept header, {@code alternate}, and the document's further links
 * ({@code prev-archive}, {@code current}, ...; the {@code Link} header repeats them); RFC 5005's
 * {@code fh:archive} or {@code fh:complete} precedes the first entry. {@code updated} is the
 * document's; the author is Newsdesk; {@code xml:lang} on the feed
 * element is the channel's language (set on the JDOM document: Rome's generator writes none).</li>
 * <li>Entry {@code id}: the entry's {@code uri}, which does not change with the host name, scheme or port a
 * client used. {@code published}/{@code updated} as JSON writes them (RFC 3339 with the stored fraction
 * and the newsroom's offset); the alternate link (the first link) is the
 * permalink {@code url}; a {@code via} link points to {@code externalUrl}, where the story was first published;
 * the author is the entry's origin (its source); {@code category term} and {@code label} are
 * the category's; {@code summary} is {@code type="text"}, exactly the JSON string, and {@code content} is {@code type="html"}, the
 * {@link EntryHtml} of the entry (paragraphs, notices, attribution).</li>
 * </ul>
 */
@ApplicationScoped
class AtomWriter implements ModelWriter {

    private static final String TYPE = "application/atom+xml";

    @Override
    public String format() {
        return "atom";
    }

    @Override
    public MediaType mediaType() {
        return new MediaType("application", "atom+xml", "utf-8");
    }

    @Override
    public int preference() {
        return 30;
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
        String language = feed instanceof FeedDocument document
                ? document.channel().language()
                : ((FeedEntry) feed).channel().language();
        FeedDocument.History history =
                feed instanceof FeedDocument document ? document.history() : FeedDocument.History.NONE;
        FeedOutput.write(
                feed instanceof FeedDocument document ? feed(document) : feed((FeedEntry) feed),
                root -> {
                    root.setAttribute("lang", language, Namespace.XML_NAMESPACE);
                    dates(root, feed);
                    FeedOutput.history(root, root, history, "entry");
                },
                out);
    }

    /** The document's further links ({@code prev-archive}, {@code current}, ...) in the {@code Link} header. */
    @Override
    public Map<String, String> headers(Object model) {
        return FeedOutput.linkHeader(model, format());
    }

    /**
     * Rome writes Atom dates in whole seconds, UTC; JSON and JSON Feed carry the stored fraction and the newsroom's
     * offset. The same {@link FeedOutput#rfc3339} text replaces Rome's in the document, so that Atom states the same
     * instants, written the same way.
     */
    private static void dates(Element root, Syndication feed) {
        Namespace atom = root.getNamespace();
        List<Element> entries = root.getChildren("entry", atom);
        if (feed instanceof FeedDocument document) {
            root.getChild("updated", atom).setText(FeedOutput.rfc3339(document.updated()));
            for (int i = 0; i < entries.size(); i++) {
                dates(entries.get(i), document.entries().get(i));
            }
        } else {
            FeedEntry single = (FeedEntry) feed;
            root.getChild("updated", atom).setText(FeedOutput.rfc3339(single.updated()));
            dates(entries.get(0), single);
        }
    }

    private static void dates(Element entry, FeedEntry item) {
        Namespace atom = entry.getNamespace();
        entry.getChild("published", atom).setText(FeedOutput.rfc3339(item.published()));
        entry.getChild("updated", atom).setText(FeedOutput.rfc3339(item.updated()));
    }

    private static Feed feed(FeedDocument document) {
        Feed feed = feed(document.id(), document.title(), document.updated());
        feed.setSubtitle(text(document.description()));
        feed.setAlternateLinks(List.of(FeedOutput.link("alternate", document.alternate(), document.alternateType())));
        feed.setOtherLinks(FeedOutput.links("atom", TYPE, document.self(), document.next(), document.links()));
        feed.setEntries(document.entries().stream().map(AtomWriter::entry).toList());
        return feed;
    }

    private static Feed feed(FeedEntry single) {
        Feed feed = feed(single.uri(), single.title(), single.updated());
        feed.setAlternateLinks(List.of(FeedOutput.link("alternate", single.url(), null)));
        feed.setOtherLinks(FeedOutput.links("atom", TYPE, single.self(), null, List.of()));
        feed.setEntries(List.of(entry(single)));
        return feed;
    }

    private static Feed feed(String id, String title, OffsetDateTime updated) {
        Feed feed = new Feed("atom_1.0");
        feed.setEncoding("UTF-8");
        feed.setId(id);
        feed.setTitleEx(text(title));
        feed.setUpdated(FeedOutput.date(updated));
        Person author = new Person();
        author.setName("Newsdesk");
        feed.setAuthors(List.of(author));
        return feed;
    }

    private static Entry entry(FeedEntry item) {
        Entry entry = new Entry();
        entry.setId(item.uri());
        entry.setTitleEx(text(item.title()));
        entry.setPublished(FeedOutput.date(item.published()));
        entry.setUpdated(FeedOutput.date(item.updated()));
        entry.setAlternateLinks(List.of(FeedOutput.link("alternate", item.url(), null)));
        if (item.externalUrl() != null) {
            entry.setOtherLinks(List.of(FeedOutput.link("via", item.externalUrl(), null)));
        }
        if (item.source() != null) {
            Person author = new Person();
            author.setName(item.source().name());
            entry.setAuthors(List.of(author));
        }
        entry.setCategories(item.categories().stream().map(AtomWriter::category).toList());
        entry.setSummary(text(item.summary()));
        Content content = new Content();
        content.setType(Content.HTML);
        content.setValue(EntryHtml.of(item));
        entry.setContents(List.of(content));
        return entry;
    }

    private static Category category(FeedEntry.Term term) {
        Category category = new Category();
        category.setTerm(term.term());
        category.setLabel(term.label());
        return category;
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(value);
        return content;
    }
}
