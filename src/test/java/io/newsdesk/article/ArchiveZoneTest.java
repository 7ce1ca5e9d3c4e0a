package io.newsdesk.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;

/** How the newsroom's zone is named in the archive's SQL, on H2 and PostgreSQL alike. */
class ArchiveZoneTest {

    @Test
    void shouldNameRegionsAndUtcByTheirIds() {
        assertEquals("'Europe/Berlin'", ArchiveQueries.sqlZone(ZoneId.of("Europe/Berlin")));
        assertEquals("'UTC'", ArchiveQueries.sqlZone(ZoneId.of("UTC")));
        assertEquals("'UTC'", ArchiveQueries.sqlZone(ZoneId.of("Z")));
        assertEquals("'UTC'", ArchiveQueries.sqlZone(ZoneId.of("+00:00")));
    }

    @Test
    void shouldNameFixedOffsetsAsIntervalsEastOfUtc() {
        assertEquals("interval '+02:00' hour to minute", ArchiveQueries.sqlZone(ZoneId.of("+02:00")));
        assertEquals("interval '-03:00' hour to minute", ArchiveQueries.sqlZone(ZoneId.of("-03")));
        assertEquals("interval '+05:45' hour to minute", ArchiveQueries.sqlZone(ZoneId.of("+05:45")));
        assertEquals("interval '-09:30' hour to minute", ArchiveQueries.sqlZone(ZoneId.of("UTC-09:30")));
    }

    @Test
    void shouldRefuseOffsetsWithSecondsWithAMessageThatSaysWhatToUse() {
        ConfigurationException refused =
                assertThrows(ConfigurationException.class, () -> ArchiveQueries.sqlZone(ZoneId.of("+02:00:30")));
        assertTrue(refused.getMessage().contains("NEWSDESK_TIME_ZONE"), refused.getMessage());
    }
}
