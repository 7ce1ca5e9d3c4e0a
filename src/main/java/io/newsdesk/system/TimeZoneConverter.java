package io.newsdesk.system;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.eclipse.microprofile.config.spi.Converter;

/** Reads {@code newsdesk.time-zone} with a message that names the setting and says what it takes. */
public class TimeZoneConverter implements Converter<ZoneId> {

    @Override
    public ZoneId convert(String value) {
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "newsdesk.time-zone (env NEWSDESK_TIME_ZONE) must be a region id such"
                            + " as Europe/Berlin, UTC, or a fixed offset such as +02:00, not '" + value + "'.",
                    e);
        }
    }
}
