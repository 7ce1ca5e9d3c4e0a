package io.newsdesk.format;

import java.time.Duration;

/**
 * How a feed presents itself to a reader beyond its items: the newsroom's language, and how long a reader should
 * wait before polling again (RSS {@code ttl} and {@code sy:updatePeriod}/{@code sy:updateFrequency}), which the
 * feature derives from the Cache-Control that shared caches get, so that readers poll no more often than a cache
 * in front of Newsdesk would refresh.
 *
 * @param language a BCP 47 tag (RSS {@code language}, Atom {@code xml:lang}, JSON Feed {@code language})
 * @param ttl at least one minute, in whole minutes
 */
public record FeedChannel(String language, Duration ttl) {

    public FeedChannel {
        if (ttl.compareTo(Duration.ofMinutes(1)) < 0 || ttl.toSecondsPart() != 0) {
            throw new IllegalArgumentException("a feed's ttl is whole minutes, at least one: " + ttl);
        }
    }

    /** RSS {@code ttl}: minutes. */
    int ttlMinutes() {
        return (int) Math.min(Integer.MAX_VALUE, ttl.toMinutes());
    }

    /** {@code sy:updatePeriod}: hourly up to a ttl of an hour, daily beyond. */
    String updatePeriod() {
        return ttl.toMinutes() <= 60 ? "hourly" : "daily";
    }

    /** {@code sy:updateFrequency}: as many polls per period as fit, at least one, never more often than the ttl. */
    int updateFrequency() {
        long period = ttl.toMinutes() <= 60 ? 60 : 1440;
        return (int) Math.max(1, period / ttl.toMinutes());
    }
}
