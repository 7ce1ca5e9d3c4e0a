package io.newsdesk.system;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How large a request body may be: {@code newsdesk.http.max-body-bytes} for a single write, and for a bulk import
 * (a body of media type {@value #NDJSON}) {@code newsdesk.bulk.max-body-bytes}. Told by the media type alone, so
 * that the limit is known before the first byte of the body is read.
 */
@ApplicationScoped
public class BodyLimits {

    /** Newline-delimited JSON: one JSON object per line, the body of a bulk import. */
    public static final String NDJSON = "application/x-ndjson";

    private final long single;
    private final long bulk;
    private final int bulkItems;

    BodyLimits(NewsdeskConfig config, BulkConfig bulk) {
        this.single = config.http().maxBodyBytes();
        this.bulk = Math.max(bulk.maxBodyBytes(), single);
        this.bulkItems = bulk.maxItems();
    }

    /** The most bytes a body of this media type (a Content-Type header's value, or null) may have. */
    public long maxBytes(String contentType) {
        return isBulk(contentType) ? bulk : single;
    }

    /** The most items one bulk body may carry. */
    public int maxItems() {
        return bulkItems;
    }

    /** Whether a Content-Type header's value names {@value #NDJSON}, with or without parameters. */
    public static boolean isBulk(String contentType) {
        if (contentType == null) {
            return false;
        }
        int end = contentType.indexOf(';');
        String type = (end < 0 ? contentType : contentType.substring(0, end)).strip();
        return type.toLowerCase(Locale.ROOT).equals(NDJSON);
    }
}
