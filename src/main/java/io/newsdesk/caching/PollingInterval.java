package io.newsdesk.caching;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How often a feed reader should poll, derived from the Cache-Control of reads so that the feeds' polling hints
 * (RSS {@code ttl}, {@code sy:updatePeriod}/{@code sy:updateFrequency}) never ask for more than a shared cache in
 * front of Newsdesk would serve fresh. The rule: {@code s-maxage} if present (readers poll through shared
 * caches), else {@code max-age}, in whole minutes rounded up, at least one minute; without either (or with
 * {@code no-store}/{@code no-cache}) one minute. The default {@code max-age=30} gives one minute.
 */
@ApplicationScoped
public class PollingInterval {

    private static final Pattern AGE = Pattern.compile("(?:^|,)\\s*(s-maxage|max-age)\\s*=\\s*\"?(\\d{1,9})\"?");

    private final Duration interval;

    PollingInterval(CachingConfig config) {
        this.interval = of(config.cacheControl());
    }

    /** The interval for the configured Cache-Control. */
    public Duration interval() {
        return interval;
    }

    static Duration of(String cacheControl) {
        String directives = cacheControl.toLowerCase(Locale.ROOT);
        long seconds = 0;
        boolean shared = false;
        Matcher matcher = AGE.matcher(directives);
        while (matcher.find()) {
            boolean sMaxAge = matcher.group(1).equals("s-maxage");
            if (sMaxAge || !shared) {
                seconds = Long.parseLong(matcher.group(2));
                shared = sMaxAge;
            }
        }
        if (directives.contains("no-store") || directives.contains("no-cache")) {
            seconds = 0;
        }
        return Duration.ofMinutes(Math.max(1, (seconds + 59) / 60));
    }
}
