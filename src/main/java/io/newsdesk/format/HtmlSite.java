package io.newsdesk.format;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * What every HTML page of one newsroom shares: its language (the {@code lang} of each page, and the language of
 * its dates) and its time zone (in which dates are shown).
 */
record HtmlSite(String lang, ZoneId zone, DateTimeFormatter dates) {

    static HtmlSite of(String lang, ZoneId zone) {
        return new HtmlSite(
                lang, zone, DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm z", Locale.forLanguageTag(lang)));
    }

    /**
     * A moment as a {@code <time>} element shows it: machine-readable (to the millisecond, the most HTML's
     * {@code datetime} allows), and as a person reads it in the zone.
     */
    HtmlPages.Time time(OffsetDateTime moment) {
        return moment == null
                ? null
                : new HtmlPages.Time(
                        moment.truncatedTo(ChronoUnit.MILLIS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                        moment.atZoneSameInstant(zone).format(dates));
    }
}
