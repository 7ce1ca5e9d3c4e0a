package io.newsdesk.format;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;

import io.newsdesk.article.ArticleSelection;
import io.newsdesk.article.ArticleView;
import io.newsdesk.article.FeedInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;

/**
 * Atom (RFC 4287) of a page of articles or of one article (a one-item feed), written with Rome.
 * <ul>
 * <li>Feed {@code id}: the selection's URL without {@code format} and without {@code cursor}, so every page of
 * a selection (and every request for it) has the same id; a single article's feed has its permalink. Links:
 * {@code self} and {@code next} (only when there is a next page) with {@code format=atom}, so that they return
 * Atom whatever the reader's Accept header, and {@code alternate}, the same page as JSON. {@code updated} is the
 * newest {@code updatedAt} of the page; the author is Newsdesk.</li>
 * <li>Entry {@code id}: {@code urn:newsdesk:article:<id>} (the URN family of the API's problem types). It
 * depends on nothing but the article id: unlike the permalink it does not change with the host name, scheme or
 * port a client used, so a reader never sees one article twice. {@code published}/{@code updated} are
 * {@code publishedAt}/{@code updatedAt} (whole seconds); the alternate link is the permalink {@code url}; a
 * {@code related} link points to {@code originalUrl}; {@code category term} is the slug, {@code label} the name;
 * {@code summary} and {@code content} are {@code type="text"}, exactly the JSON strings.</li>
 * </ul>
 */
@ApplicationScoped
class AtomWriter implements ModelWriter {

    static final String ENTRY_ID_PREFIX = "urn:newsdesk:article:";
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
        return model == ArticleSelection.class || model == ArticleView.class;
    }

    @Override
    public void write(Object model, OutputStream out) throws IOException {
        FeedOutput.write(model instanceof ArticleSelection selection ? feed(selection) : feed((ArticleView) model), out);
    }

    private static Feed feed(ArticleSelection selection) {
        FeedInfo info = selection.feed();
        Feed feed = feed(selectionId(info.alternate()), info.title(), info.updated());
        feed.setSubtitle(text(info.description()));
        feed.setAlternateLinks(List.of(link("alternate", info.alternate(), "application/json")));
        feed.setOtherLinks(links(info.self(), selection.page().next()));
        feed.setEntries(selection.page().items().stream().map(AtomWriter::entry).toList());
        return feed;
    }

    /** The selection's URL without format (already gone from {@code alternate}) and cursor: one id for all pages. */
    private static String selectionId(String alternate) {
        String id = UriBuilder.fromUri(alternate).replaceQueryParam("cursor").build().toString();
        return id.endsWith("?") ? id.substring(0, id.length() - 1) : id;
    }

    private static Feed feed(ArticleView article) {
        Feed feed = feed(article.url(), article.title(), article.updatedAt());
        feed.setAlternateLinks(List.of(link("alternate", article.url(), null)));
        feed.setOtherLinks(links(article.url(), null));
        feed.setEntries(List.of(entry(article)));
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

    private static List<Link> links(String self, String next) {
        List<Link> links = new ArrayList<>();
        links.add(link("self", FeedOutput.withFormat(self, "atom"), TYPE));
        if (next != null) {
            links.add(link("next", FeedOutput.withFormat(next, "atom"), TYPE));
        }
        return links;
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    private static Entry entry(ArticleView article) {
        Entry entry = new Entry();
        entry.setId(ENTRY_ID_PREFIX + article.id());
        entry.setTitleEx(text(article.title()));
        entry.setPublished(FeedOutput.date(article.publishedAt()));
        entry.setUpdated(FeedOutput.date(article.updatedAt()));
        entry.setAlternateLinks(List.of(link("alternate", article.url(), null)));
        entry.setOtherLinks(List.of(link("related", article.originalUrl(), null)));
        Category category = new Category();
        category.setTerm(article.category().slug());
        category.setLabel(article.category().name());
        entry.setCategories(List.of(category));
        entry.setSummary(text(article.summary()));
        entry.setContents(List.of(text(article.content())));
        return entry;
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(value);
        return content;
    }
}
