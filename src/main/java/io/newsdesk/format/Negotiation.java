package io.newsdesk.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.MediaType;

/**
 * Accept-header matching (RFC 9110 §12.5.1): for each media type we can produce, the most specific range that
 * matches it gives its quality; {@code q=0} excludes it; the highest quality wins and ties go to the writers'
 * own preference. Malformed ranges are skipped rather than failing the request.
 */
final class Negotiation {

    record Range(String type, String subtype, double quality) {

        /** 3 for type/subtype, 2 for type/*, 1 for *&#47;*, 0 for no match. */
        int specificity(MediaType mediaType) {
            boolean typeMatches = type.equals("*") || type.equals(mediaType.getType());
            boolean subtypeMatches = subtype.equals("*") || subtype.equals(mediaType.getSubtype());
            if (!typeMatches || !subtypeMatches) {
                return 0;
            }
            return type.equals("*") ? 1 : subtype.equals("*") ? 2 : 3;
        }
    }

    private Negotiation() {}

    static List<Range> parse(String accept) {
        List<Range> ranges = new ArrayList<>();
        for (String part : accept.split(",")) {
            parseRange(part).ifPresent(ranges::add);
        }
        return ranges;
    }

    /** The quality of this media type under the ranges; 0 when no range matches or the best one says q=0. */
    static double quality(List<Range> ranges, MediaType mediaType) {
        int best = 0;
        double quality = 0;
        for (Range range : ranges) {
            int specificity = range.specificity(mediaType);
            if (specificity > best) {
                best = specificity;
                quality = range.quality();
            } else if (specificity == best && specificity > 0) {
                quality = Math.max(quality, range.quality());
            }
        }
        return quality;
    }

    private static Optional<Range> parseRange(String text) {
        String[] pieces = text.split(";", -1); // -1: ";;" gives empty pieces, not an empty array
        String[] type = pieces[0].strip().toLowerCase(Locale.ROOT).split("/", -1);
        if (type.length != 2 || type[0].isEmpty() || type[1].isEmpty() || type[0].equals("*") && !type[1].equals("*")) {
            return Optional.empty();
        }
        double quality = 1;
        for (int i = 1; i < pieces.length; i++) {
            String[] parameter = pieces[i].strip().split("=", 2);
            if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("q")) {
                try {
                    quality = Double.parseDouble(parameter[1].strip());
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                if (!(quality >= 0 && quality <= 1)) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new Range(type[0], type[1], quality));
    }
}
