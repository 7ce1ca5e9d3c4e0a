package io.newsdesk.format;

import static io.newsdesk.format.FeedTests.hardCategory;
import static io.newsdesk.format.FeedTests.local;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jdom2.Element;
import org.junit.jupiter.api.Test;

import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.modules.content.ContentModule;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.SyModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;

import io.quarkus.test.junit.QuarkusTest;

/**
 * RSS 2.0, read with Rome: the shared feed contract, plus what only RSS says: guids are the entries' host-independent
 * ids ({@code isPermaLink="false"} unless they are URLs), the channel's
 * {@code lastBuildDate}, categories by label, description as escaped text, {@code content:encoded} as the entry's HTML, and a
 * {@code source} linking to that source's RSS feed. Golden file {@code feed.rss.xml}.
 */
@QuarkusTest
class RssFeedContractTest extends AbstractFeedContractTest<Channel, Item> {

    @Override
    String format() {
        return "rss";
    }

    @Override
    String mediaType() {
        return "application/rss+xml";
    }

    @Override
    ModelWriter writer() {
        return new RssWriter();
    }

    @Override
    String goldenFile() {
        return "feed.rss.xml";
    }

    @Override
    Channel parse(byte[] body) {
        return (Channel) FeedTests.parse(body, "rss_2.0");
    }

    @Override
    void assertRawText(byte[] body) {
        FeedTests.assertAstralCharactersRaw(body);
    }

    @Override
    List<Item> items(Channel channel) {
        return channel.getItems();
    }

    @Override
    String feedTitle(Channel channel) {
        return channel.getTitle();
    }

    @Override
    String description(Channel channel) {
        return channel.getDescription();
    }

    @Override
    String alternate(Channel channel) {
        return channel.getLink();
    }

    @Override
    String self(Channel channel) {
        String href = links(channel).get("self");
        assertTrue(href != null, "no atom:link rel=self");
        return href;
    }

    @Override
    String next(Channel channel) {
        return links(channel).get("next");
    }

    @Override
    String hub(Channel channel) {
        return links(channel).get("hub");
    }

    @Override
    List<String> otherUrls(Channel channel) {
        List<String> urls = new ArrayList<>();
        for (Item item : channel.getItems()) {
            urls.add(item.getSource().getUrl());
        }
        return urls;
    }

    @Override
    void assertOwnHeader(Channel channel, Instant updated, FeedChannel expected) {
        assertEquals(
                updated.getEpochSecond(), channel.getLastBuildDate().toInstant().getEpochSecond());
        assertEquals(expected.language(), channel.getLanguage());
        assertEquals(expected.ttl().toMinutes(), channel.getTtl());
        Map<String, String> polling = channel.getForeignMarkup().stream()
                .filter(e -> e.getNamespaceURI().equals(SyModule.URI))
                .collect(Collectors.toMap(Element::getName, Element::getText));
        long period = expected.ttl().toMinutes() <= 60 ? 60 : 1440;
        int frequency = Integer.parseInt(polling.get("updateFrequency"));
        assertEquals(period == 60 ? SyModule.HOURLY : SyModule.DAILY, polling.get("updatePeriod"));
        assertEquals(Math.max(1, period / expected.ttl().toMinutes()), frequency);
        assertTrue(period / frequency >= expected.ttl().toMinutes(), "never asks to poll more often than the ttl");
    }

    @Override
    String itemId(Item item) {
        return item.getGuid().getValue();
    }

    @Override
    String expectedId(FeedEntry entry) {
        return entry.uri();
    }

    @Override
    String itemTitle(Item item) {
        return item.getTitle();
    }

    @Override
    String itemLink(Item item) {
        return item.getLink();
    }

    @Override
    Instant itemPublished(Item item) {
        return item.getPubDate().toInstant();
    }

    @Override
    String itemSummary(Item item) {
        return FeedTests.unescapeHtml(item.getDescription().getValue());
    }

    @Override
    String itemHtml(Item item) {
        List<String> encodeds = ((ContentModule) item.getModule(ContentModule.URI)).getEncodeds();
        assertEquals(1, encodeds.size());
        assertFalse(encodeds.get(0).contains("<script>"), "readers take content:encoded as HTML: escaped");
        return encodeds.get(0);
    }

    @Override
    void assertOwnFields(FeedEntry expected, Item item) {
        assertEquals(
                expected.uri().startsWith("http://") || expected.uri().startsWith("https://"),
                item.getGuid().isPermaLink(),
                "isPermaLink only when the guid is a URL");
        DCModule dublinCore = (DCModule) item.getModule(DCModule.URI);
        assertEquals(
                expected.source() == null ? null : expected.source().name(),
                dublinCore == null ? null : dublinCore.getCreator(),
                "dc:creator");
        assertEquals(expected.externalUrl(), dublinCore == null ? null : dublinCore.getSource(), "dc:source");
        assertEquals(
                expected.categories().stream().map(FeedEntry.Term::label).toList(),
                item.getCategories().stream().map(c -> c.getValue()).toList());
        if (expected.source() == null) {
            assertNull(item.getSource());
        } else {
            assertEquals(expected.source().name(), item.getSource().getValue());
            assertEquals(
                    expected.source().feed() + "&format=rss", item.getSource().getUrl());
        }
    }

    @Test
    void shouldLinkEachItemToItsSourcesFeed() {
        Channel channel = fetch("/v1/articles?category=" + hardCategory() + "&limit=1&format=rss");
        String source = channel.getItems().get(0).getSource().getUrl();
        Channel sourceFeed = fetch(local(source));
        assertEquals(
                channel.getItems().get(0).getSource().getValue(),
                sourceFeed.getTitle().replace("Newsdesk: ", ""));
    }

    private Map<String, String> links(Channel channel) {
        AtomLinkModule module = (AtomLinkModule) channel.getModule(AtomLinkModule.URI);
        return module.getLinks().stream()
                .peek(l -> assertEquals(l.getRel().equals("hub") ? null : mediaType(), l.getType()))
                .collect(Collectors.toMap(Link::getRel, Link::getHref));
    }
}
