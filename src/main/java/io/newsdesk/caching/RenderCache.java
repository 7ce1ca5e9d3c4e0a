package io.newsdesk.caching;

import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

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
     * {@code feed} is the document's items when it is a feed a reader keeps (see {@link FeedDeltas}), else null.
     * A feed's items hold about the text its bytes do, so they count once more in its weight.
     */
    record Entry(long version, Validators validators, Rendered body, FeedItems feed) {

        Entry(long version, Validators validators, Rendered body) {
            this(version, validators, body, null);
        }

        int weight(String key) {
            int bytes = body == null ? 0 : body.body().length;
            return 256 + key.length() * 2 + (feed == null ? bytes : 2 * bytes);
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

    /** The entry of the later version; at the same version, the one that has a body. */
    private static Entry better(Entry old, Entry candidate) {
        if (candidate.version() != old.version()) {
            return candidate.version() > old.version() ? candidate : old;
        }
        return candidate.body() != null ? candidate : old;
    }
}
