package io.newsdesk.caching;

import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsdesk.format.FeedItems;
import io.newsdesk.format.ModelWriter;
import io.newsdesk.format.Rendered;
import io.newsdesk.format.Representations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Delta feeds: RFC 3229 with the {@code feed} instance manipulation. A reader that sends {@code A-IM: feed} and,
 * in {@code If-None-Match}, the ETag of a version of the same feed (same format, same request URL) that this
 * instance remembers gets {@code 226 IM Used} with {@code IM: feed}: the current document, rendered by its own
 * writer, with only the items added since that version or changed (an item whose {@link FeedItems#itemVersions
 * version} differs). Its ETag and Last-Modified are the current full document's, so the next poll names the
 * current version. Items that left the feed are not mentioned: a feed cannot say "removed".
 *
 * <p>Each version rendered here is remembered by its ETag as 64-bit hashes of its identity and of each item's key
 * and version (16 bytes an item), in memory, bounded by {@code newsdesk.caching.feed-versions} (Caffeine's size
 * bound, which keeps the versions most in use) and forgotten {@code newsdesk.caching.feed-version-idle} after a
 * reader last named it or was last sent it. A version this instance does not know (made by another instance,
 * before a restart, or forgotten) is answered in full with 200, as RFC 3229 allows.
 *
 * <p>A version is remembered by its identity ETag; a reader naming a coded variant's tag ({@code "abc-gzip"})
 * names the same version. A 226 is coded like any answer (a delta is rendered for its request, so it is
 * compressed for it too when it is large enough), and its ETag is the one a 200 of the current document would
 * carry for the request: the tag the reader names next time.
 *
 * <p>{@code newsdesk_feed_delta_requests_total{answer}} counts the requests that asked for a delta, by answer:
 * {@code delta} (226), {@code full} (200: version unknown here) or {@code not_modified} (304);
 * {@code newsdesk_feed_delta_items} the items each 226 carried; {@code newsdesk_feed_versions} the versions held.
 */
@ApplicationScoped
class FeedDeltas {

    /** A 226 may be kept only by a cache that implements RFC 3229 (§10.8.2): no other cache may store it. */
    static final String IM_USED_CACHE_CONTROL = "no-store, im";
    /** Every answer of a feed varies on A-IM as well as on Accept: with it, a reader may get a 226. */
    static final String FEED_VARY = HttpHeaders.ACCEPT + ", " + Preconditions.A_IM;

    private static final int IM_USED = 226;
    private static final String FEED = "feed";

    /** One remembered version: hashes of what it is a version of, and of its items' keys (sorted) and versions. */
    private record Version(long identity, long[] keys, long[] versions) {

        /** Whether this version lists the item under {@code key} at this {@code version}. */
        boolean has(long key, long version) {
            int at = Arrays.binarySearch(keys, key);
            return at >= 0 && versions[at] == version;
        }
    }

    private final Representations representations;
    private final Compression compression;
    private final Cache<String, Version> versions;
    private final boolean enabled;
    private final Counter deltas;
    private final Counter full;
    private final Counter notModified;
    private final DistributionSummary items;

    FeedDeltas(CachingConfig config, Representations representations, Compression compression, MeterRegistry registry) {
        this.representations = representations;
        this.compression = compression;
        this.enabled = config.feedVersions() > 0;
        Duration idle = config.feedVersionIdle().isNegative() ? Duration.ZERO : config.feedVersionIdle();
        this.versions = Caffeine.newBuilder()
                .maximumSize(Math.max(config.feedVersions(), 0))
                .expireAfterAccess(idle)
                .build();
        registry.gaugeMapSize("newsdesk.feed.versions", List.of(), versions.asMap());
        this.deltas = requests(registry, "delta");
        this.full = requests(registry, "full");
        this.notModified = requests(registry, "not_modified");
        this.items = DistributionSummary.builder("newsdesk.feed.delta.items")
                .description("Items sent in each 226 IM Used answer")
                .register(registry);
    }

    private static Counter requests(MeterRegistry registry, String answer) {
        return Counter.builder("newsdesk.feed.delta.requests")
                .description("Requests for a feed delta (A-IM: feed with If-None-Match), by answer")
                .tag("answer", answer)
                .register(registry);
    }

    /** Remembers the version of a feed document just rendered; other documents have no items to remember. */
    void remember(String key, RenderCache.Entry made) {
        if (enabled && made.feed() != null) {
            versions.put(made.validators().etag(), version(key, made.feed()));
        }
    }

    /**
     * Whether this request for the document {@code current} asks for a delta: the document is a feed, {@code A-IM}
     * accepts {@code feed} and {@code If-None-Match} names versions (RFC 3229 requires it for a delta).
     */
    static boolean asked(Preconditions headers, RenderCache.Entry current) {
        return current.feed() != null && headers.ifNoneMatch() != null && headers.acceptsManipulation(FEED);
    }

    /** A request that asked for a delta is answered 304: the version it holds is current. */
    void notModified(String key, RenderCache.Entry current) {
        notModified.increment();
        keep(key, current);
    }

    /**
     * The 226 answer to a request that {@link #asked} for a delta, or null when {@code If-None-Match} names no
     * version of this feed that this instance remembers (the answer is then the full document, 200). Of several
     * remembered versions named, the first is the delta's base ({@code Delta-Base}).
     */
    Response delta(Preconditions headers, String key, RenderCache.Entry current, ModelWriter writer) {
        keep(key, current);
        long identity = hash(key);
        for (String tag : EntityTags.parse(headers.ifNoneMatch())) {
            Version base = remembered(EntityTags.opaque(tag));
            if (base != null && base.identity() == identity) {
                return imUsed(headers, base, EntityTags.opaque(tag), current, writer);
            }
        }
        full.increment();
        return null;
    }

    /** The version a tag names, as it is or as the identity tag of a coded variant's tag; null: not known here. */
    private Version remembered(String tag) {
        Version version = versions.getIfPresent(tag);
        String identity = version == null ? Coding.identityOf(tag) : null;
        return identity == null ? version : versions.getIfPresent(identity);
    }

    private Response imUsed(
            Preconditions headers, Version base, String baseTag, RenderCache.Entry current, ModelWriter writer) {
        Set<String> sent = new LinkedHashSet<>();
        for (Map.Entry<String, String> item : current.feed().itemVersions().entrySet()) {
            if (!base.has(hash(item.getKey()), hash(item.getValue()))) {
                sent.add(item.getKey());
            }
        }
        Rendered rendered = representations.render(current.feed().only(sent), writer);
        deltas.increment();
        items.record(sent.size());
        Coding coding = compression.choose(headers.acceptEncoding(), rendered.body().length);
        Response.ResponseBuilder builder =
                Response.status(IM_USED, "IM Used").entity(compression.encode(coding, rendered.body()));
        builder.type(rendered.mediaType());
        rendered.headers().forEach(builder::header);
        if (coding != Coding.IDENTITY) {
            builder.header(HttpHeaders.CONTENT_ENCODING, coding.token());
        }
        Validators validators = current.validators();
        Coding full =
                compression.choose(headers.acceptEncoding(), current.body().body().length);
        return builder.header("IM", FEED)
                .header("Delta-Base", baseTag)
                .header(HttpHeaders.ETAG, full.tag(validators.etag()))
                .header(HttpHeaders.LAST_MODIFIED, Date.from(validators.lastModified()))
                .header(HttpHeaders.CACHE_CONTROL, IM_USED_CACHE_CONTROL)
                .header(HttpHeaders.VARY, compression.vary(FEED_VARY))
                .build();
    }

    /**
     * Keeps the current version of a feed a delta reader was just answered about: it is the version that reader
     * names next time, so it is remembered again if it was forgotten (and its idle time starts over).
     */
    private void keep(String key, RenderCache.Entry current) {
        if (enabled && versions.getIfPresent(current.validators().etag()) == null) {
            remember(key, current);
        }
    }

    private static Version version(String key, FeedItems feed) {
        Map<String, String> itemVersions = feed.itemVersions();
        long[][] pairs = new long[itemVersions.size()][];
        int i = 0;
        for (Map.Entry<String, String> item : itemVersions.entrySet()) {
            pairs[i++] = new long[] {hash(item.getKey()), hash(item.getValue())};
        }
        Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
        long[] keys = new long[pairs.length];
        long[] versions = new long[pairs.length];
        for (i = 0; i < pairs.length; i++) {
            keys[i] = pairs[i][0];
            versions[i] = pairs[i][1];
        }
        return new Version(hash(key), keys, versions);
    }

    /**
     * FNV-1a, 64 bits: feed identities, item keys and item versions are compared for equality only; a collision
     * (about 2^-64 per comparison) would at worst leave one changed item out of one delta.
     */
    private static long hash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            hash = (hash ^ (c & 0xff)) * 0x100000001b3L;
            hash = (hash ^ (c >>> 8)) * 0x100000001b3L;
        }
        return hash;
    }
}
