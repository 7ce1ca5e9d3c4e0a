package io.newsdesk.caching;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsdesk.format.FeedItems;
import io.newsdesk.format.Rendered;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Serialized representations (and, for conditional requests, their validators alone), keyed by format and the
 * absolute request URL, each stamped with the {@link DataVersion} it was made at. An entry is served only while
 * the version is still the same, so no write committed since (here or, through PostgreSQL's notifications, on
 * another instance) can be missed: there is no time-based staleness. Bounded in bytes; least useful entries go
 * first (Caffeine's W-TinyLFU).
 */
@ApplicationScoped
class RenderCache {

    /**
     * A representation as sent: {@code body} is null when only the validators are known (a 304 made it);
     * {@code feed} is the document's items when it is a feed a reader keeps (see {@link FeedDeltas}), else null;
     * {@code coded} the body in each content coding asked for so far (made once, on the first request for it).
     * A feed's items hold about the text its bytes do, so they count once more in its weight.
     */
    record Entry(long version, Validators validators, Rendered body, FeedItems feed, Map<Coding, byte[]> coded) {

        Entry(long version, Validators validators, Rendered body, FeedItems feed) {
            this(version, validators, body, feed, new ConcurrentHashMap<>(2));
        }

        Entry(long version, Validators validators, Rendered body) {
            this(version, validators, body, null);
        }

        int weight(String key) {
            int bytes = body == null ? 0 : body.body().length;
            int codedBytes = coded.values().stream().mapToInt(b -> b.length).sum();
            return 256 + key.length() * 2 + (feed == null ? bytes : 2 * bytes) + codedBytes;
        }
    }

    private final Cache<String, Entry> entries;
    private final boolean enabled;

    RenderCache(CachingConfig config, MeterRegistry registry) {
        long maxBytes = config.renderCacheMaxBytes();
        this.enabled = maxBytes > 0;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(Math.max(maxBytes, 1))
                .<String, Entry>weigher((key, entry) -> entry.weight(key))
                .build();
        registry.gaugeMapSize("newsdesk.render.cache.entries", List.of(), entries.asMap());
        Gauge.builder("newsdesk.render.cache.bytes", this, RenderCache::bytes)
                .description("Weight of the render cache: bytes kept, coded variants included, plus keys")
                .baseUnit("bytes")
                .register(registry);
    }

    /** The weight of every entry, as the byte bound counts it (after pending bookkeeping). */
    long bytes() {
        entries.cleanUp();
        return entries.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    boolean enabled() {
        return enabled;
    }

    /** The entry for this key made at exactly this version, or null. */
    Entry get(String key, long version) {
        Entry entry = entries.getIfPresent(key);
        return entry != null && entry.version() == version ? entry : null;
    }

    void put(String key, Entry entry) {
        entries.asMap().merge(key, entry, RenderCache::better);
    }

    /**
     * The body of {@code entry} (which has one) in this coding: compressed on the first request for it, by one
     * request while any other waits, then kept with the entry, so that no later hit compresses anything. The
     * entry's weight then grows by the coded bytes.
     */
    byte[] encoded(String key, Entry entry, Coding coding, Compression compression) {
        byte[] identity = entry.body().body();
        if (coding == Coding.IDENTITY) {
            return identity;
        }
        byte[] known = entry.coded().get(coding);
        if (known != null) {
            return known;
        }
        byte[] made = entry.coded().computeIfAbsent(coding, c -> compression.encode(c, identity));
        entries.asMap().computeIfPresent(key, (k, cached) -> cached); // weighs the cached entry again
        return made;
    }

    /** The entry of the later version; at the same version, the one that has a body. */
    private static Entry better(Entry old, Entry candidate) {
        if (candidate.version() != old.version()) {
            return candidate.version() > old.version() ? candidate : old;
        }
        return candidate.body() != null ? candidate : old;
    }
}
