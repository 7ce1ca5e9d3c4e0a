package io.newsdesk.body;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.newsdesk.format.XmlChars;
import io.newsdesk.problem.Problem.FieldError;
import io.newsdesk.problem.ProblemException;
import io.newsdesk.selection.SelectionParser;

/**
 * Field-by-field reading of a JSON object that collects every problem before answering, so one 400 names
 * each bad field. Text is refused when XML 1.0 could not carry it, because every format must round-trip it.
 */
public final class BodyFields {

    private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private final ObjectNode node;
    private final List<FieldError> errors = new ArrayList<>();

    BodyFields(ObjectNode node) {
        this.node = node;
    }

    /** Names the fields a body may have; read-only fields of the resource's view are accepted and ignored. */
    public BodyFields allow(Set<String> writable, Set<String> readOnly) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!writable.contains(name) && !readOnly.contains(name)) {
                errors.add(new FieldError(
                        name,
                        "is not a field of this resource; the fields are "
                                + String.join(", ", writable.stream().sorted().toList()) + "."));
            }
        }
        return this;
    }

    /**
     * A title or a name: {@link #text}, stripped of leading and trailing whitespace when written, because feed
     * parsers disagree on whether to trim them (several do, others do not), so the stored value is one every
     * reader shows alike.
     */
    public String name(String name, int maxLength) {
        String text = text(name, maxLength);
        if (text == null) {
            return null;
        }
        String trimmed = AROUND.matcher(text).replaceAll("");
        return trimmed.isEmpty() ? fail(name, "must not be blank.") : trimmed;
    }

    /** Whitespace and Unicode space separators (no-break space too) at either end. */
    private static final Pattern AROUND = Pattern.compile("^[\\s\\p{Z}]+|[\\s\\p{Z}]+$");

    public String text(String name, int maxLength) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            return fail(name, "must be a string.");
        }
        String text = value.textValue();
        if (text.isBlank()) {
            return fail(name, "must not be blank.");
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            return fail(name, "is at most " + maxLength + " characters long.");
        }
        int bad = XmlChars.firstInvalid(text);
        if (bad >= 0) {
            return fail(
                    name,
                    String.format(
                            Locale.ROOT,
                            "contains the control character U+%04X at position %d,"
                                    + " which XML cannot carry; remove it.",
                            (int) text.charAt(bad),
                            bad));
        }
        return text;
    }

    public String slug(String name) {
        String text = text(name, 100);
        if (text != null && !SelectionParser.SLUG.matcher(text).matches()) {
            return fail(name, "must be a slug: lowercase letters, digits and single hyphens, like 'world-news'.");
        }
        return text;
    }

    public String url(String name) {
        String text = text(name, 2000);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return text;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        return fail(name, "must be an absolute http or https URL, like https://www.example.com/news/story.");
    }

    public Boolean bool(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        return value.isBoolean() ? value.booleanValue() : fail(name, "must be true or false (a JSON boolean).");
    }

    public Instant instant(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            try {
                Instant instant = OffsetDateTime.parse(value.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .toInstant()
                        .truncatedTo(ChronoUnit.MICROS);
                if (!instant.isBefore(EARLIEST) && instant.isBefore(LATEST)) {
                    return instant;
                }
                return fail(name, "must lie between the years 1000 and 9998.");
            } catch (DateTimeException e) {
                // reported below
            }
        }
        return fail(name, "must be an ISO-8601 date-time with an offset, like 2026-11-24T09:30:00Z.");
    }

    /** Adds a problem found by a later check (an unknown slug, say). */
    public void error(String name, String message) {
        errors.add(new FieldError(name, message));
    }

    /** Throws one 400 problem listing every field problem found so far. */
    public void check() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalidBody(errors);
        }
    }

    private JsonNode present(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            errors.add(new FieldError(name, "is required."));
            return null;
        }
        return value;
    }

    private <T> T fail(String name, String message) {
        errors.add(new FieldError(name, message));
        return null;
    }
}
