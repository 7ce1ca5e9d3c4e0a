package io.newsdesk.caching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The feeds' polling hint follows Cache-Control: s-maxage, else max-age, whole minutes rounded up, at least one. */
class PollingIntervalTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "public, max-age=30, stale-while-revalidate=30 | 1",
                "public, max-age=60                            | 1",
                "public, max-age=61                            | 2",
                "public, max-age=30, s-maxage=600              | 10",
                "public, s-maxage=600, max-age=30              | 10",
                "Public, Max-Age=\"3600\"                        | 60",
                "public, max-age=86400                         | 1440",
                "no-cache                                      | 1",
                "no-store, max-age=600                         | 1",
                "public                                        | 1",
            })
    void shouldPollNoMoreOftenThanSharedCachesRefresh(String cacheControl, long minutes) {
        assertEquals(Duration.ofMinutes(minutes), PollingInterval.of(cacheControl.strip()));
    }
}
