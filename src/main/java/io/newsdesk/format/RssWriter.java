package io.newsdesk.format;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jdom2.Element;
import org.jdom2.Namespace;

import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.modules.atom.modules.AtomLinkModuleImpl;
import com.rometools.modules.content.ContentModule;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.rss.Source;

import io.newsdesk.article.ArticleSelection;
import io.newsdesk.article.ArticleView;
import io.newsdesk.article.FeedInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;

/**
 * RSS 2.0 of a page of articles or of one article (a one-item feed), written with Rome.
 * <ul>
 * <li>Channel: {@code title}, {@code link} (the same selection without {@code format}, i.e. JSON),
 * {@code description}, {@code pubDate} and {@code lastBuildDate} (the newest {@code updatedAt} of the page), and
 * {@code atom:link rel="self"} / {@code rel="next"} (only when there is a next page) through rome-modules'
 * {@link AtomLinkModule}. Both links carry {@code format=rss}, so that they return RSS whatever the reader's
 * Accept header; the next link is otherwise the JSON page's {@code next}.</li>
 * <li>Item: {@code title}; {@code link} and {@code guid} are the permalink {@code url}, which only depends on the
 * article id, so {@code isPermaLink} is true (RSS's default, which Rome leaves implicit); {@code pubDate} is
 * {@code publishedAt} in RFC 822 GMT; {@code category} is the category name; {@code description} is the summary
 * and {@code content:encoded} the full text, both HTML-escaped (see {@link #html}); {@code source} names the article's
 * source and links to that source's RSS feed on this API,
 * {@code <permalink without /{id}>?source=<slug>&format=rss}, as RSS asks the source url to be a feed.</li>
 * </ul>
 * {@code content:encoded} is foreign markup rather than rome-modules' ContentModule, whose generator writes a
 * CDATA section: JDOM refuses text containing {@code ]]>} there, and a CR in CDATA would come back as LF.
 * A single article's feed has the article as channel and its {@code url?format=rss} as self link.
 */
@ApplicationScoped
class RssWriter implements ModelWriter {

    private static final Namespace CONTENT = Namespace.getNamespace("content", ContentModule.URI);
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
        return model == ArticleSelection.class || model == ArticleView.class;
    }

    @Override
    public void write(Object model, OutputStream out) throws IOException {
        FeedOutput.write(model instanceof ArticleSelection selection ? channel(selection) : channel((ArticleView) model),
                out);
    }

    private static Channel channel(ArticleSelection selection) {
        FeedInfo feed = selection.feed();
        Channel channel = channel(feed.title(), feed.alternate(), feed.description(), feed.updated());
        links(channel, feed.self(), selection.page().next());
        channel.setItems(selection.page().items().stream().map(RssWriter::item).toList());
        return channel;
    }

    private static Channel channel(ArticleView article) {
        Channel channel = channel(article.title(), article.url(), description(article), article.updatedAt());
        links(channel, article.url(), null);
        channel.setItems(List.of(item(article)));
        return channel;
    }

    private static Channel channel(String title, String link, String description, OffsetDateTime updated) {
        Channel channel = new Channel("rss_2.0");
        channel.setEncoding("UTF-8");
        channel.setTitle(title);
        channel.setLink(link);
        channel.setDescription(description);
        channel.setPubDate(FeedOutput.date(updated));
        channel.setLastBuildDate(FeedOutput.date(updated));
        return channel;
    }

    /** RSS requires a channel description; an article's summary may be empty, its title never is. */
    private static String description(ArticleView article) {
        return article.summary().isBlank() ? article.title() : article.summary();
    }

    private static void links(Channel channel, String self, String next) {
        List<Link> links = new ArrayList<>();
        links.add(link("self", FeedOutput.withFormat(self, "rss")));
        if (next != null) {
            links.add(link("next", FeedOutput.withFormat(next, "rss")));
        }
        AtomLinkModule module = new AtomLinkModuleImpl();
        module.setLinks(links);
        channel.getModules().add(module);
    }

    private static Link link(String rel, String href) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(TYPE);
        return link;
    }

    private static Item item(ArticleView article) {
        Item item = new Item();
        item.setTitle(article.title());
        item.setLink(article.url());
        Guid guid = new Guid();
        guid.setValue(article.url());
        guid.setPermaLink(true);
        item.setGuid(guid);
        item.setPubDate(FeedOutput.date(article.publishedAt()));
        Category category = new Category();
        category.setValue(article.category().name());
        item.setCategories(List.of(category));
        Description description = new Description();
        description.setValue(html(article.summary()));
        item.setDescription(description);
        Element encoded = new Element("encoded", CONTENT);
        encoded.setText(html(article.content()));
        item.getForeignMarkup().add(encoded);
        Source source = new Source();
        source.setUrl(FeedOutput.articles(article.url()) + "?source=" + article.source().slug() + "&format=rss");
        source.setValue(article.source().name());
        item.setSource(source);
        return item;
    }

    /**
     * RSS readers take {@code description} and {@code content:encoded} as HTML; our text is plain, so it is
     * HTML-escaped: a reader shows {@code <b>} as the characters it is, and unescaping gives back every
     * character exactly.
     */
    static String html(String text) {
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
}
