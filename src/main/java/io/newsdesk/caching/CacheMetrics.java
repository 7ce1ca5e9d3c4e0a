package io.newsdesk.caching;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code newsdesk_reads_total{cache, answer}} at {@code /q/metrics}: how each read was answered. {@code cache} is
 * {@code hit} (from the render cache, no database work), {@code miss} (validated or rendered, then stored),
 * {@code off} (the cache is off, or this instance cannot currently hear of other instances' writes) or
 * {@code streamed} (a CSV export, never cached); {@code answer} is {@code not_modified} (304) or {@code full}.
 * The cache hit ratio is hit / all, the 304 ratio not_modified / all.
 */
@ApplicationScoped
class CacheMetrics {

    static final String HIT = "hit";
    static final String MISS = "miss";
    static final String OFF = "off";
    static final String STREAMED = "streamed";

    private final Counter[] counters = new Counter[8];

    CacheMetrics(MeterRegistry registry) {
        String[] results = {HIT, MISS, OFF, STREAMED};
        for (int i = 0; i < results.length; i++) {
            counters[i * 2] = counter(registry, results[i], "full");
            counters[i * 2 + 1] = counter(registry, results[i], "not_modified");
        }
    }

    private static Counter counter(MeterRegistry registry, String cache, String answer) {
        return Counter.builder("newsdesk.reads")
                .description("Reads answered, by render cache result and answer")
                .tag("cache", cache)
                .tag("answer", answer)
                .register(registry);
    }

    void answered(String cache, boolean notModified) {
        int index = switch (cache) {
            case HIT -> 0;
            case MISS -> 2;
            case OFF -> 4;
            default -> 6;
        };
        counters[index + (notModified ? 1 : 0)].increment();
    }
}
