package io.newsdesk.body;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.newsdesk.problem.ProblemException;
import io.newsdesk.system.BodyLimits;
import io.newsdesk.system.NewsdeskConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a write request's body into a JSON object, or answers 400 (empty, malformed, duplicate keys, trailing
 * data, not an object) or 413 (over {@code newsdesk.http.max-body-bytes}). Field rules are {@link BodyFields}'.
 * A bulk body (NDJSON: one JSON object per line) becomes one {@link BodyLine} per item, each read by the same
 * rules; a line that is not a JSON object is that item's problem, not the whole body's.
 */
@ApplicationScoped
public class JsonBodies {

    private final ObjectReader reader;
    private final long maxBytes;
    private final long maxBulkBytes;
    private final int maxItems;

    JsonBodies(ObjectMapper mapper, NewsdeskConfig config, BodyLimits limits) {
        this.reader = mapper.reader()
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.maxBytes = config.http().maxBodyBytes();
        this.maxBulkBytes = limits.maxBytes(BodyLimits.NDJSON);
        this.maxItems = limits.maxItems();
    }

    public BodyFields fields(byte[] body) {
        if (body != null && body.length > maxBytes) {
            throw ProblemException.tooLarge(
                    "The request body has " + body.length + " bytes; at most " + maxBytes + " are accepted.");
        }
        if (body == null || body.length == 0) {
            throw ProblemException.malformedBody("The request body is empty; send a JSON object.");
        }
        return new BodyFields(object(body, 0, body.length, "The request body"));
    }

    /**
     * The items of a bulk body, one JSON object per line (blank lines, and a CR before each LF, are ignored): 413
     * over {@code newsdesk.bulk.max-body-bytes} or {@code newsdesk.bulk.max-items} items, 400 without any item.
     */
    public List<BodyLine> lines(byte[] body) {
        if (body != null && body.length > maxBulkBytes) {
            throw ProblemException.tooLarge("The request body has " + body.length + " bytes; at most " + maxBulkBytes
                    + " are accepted in one bulk import. Split it into several requests.");
        }
        List<BodyLine> lines = new ArrayList<>();
        int length = body == null ? 0 : body.length;
        int number = 0;
        for (int start = 0; start < length; ) {
            int end = start;
            while (end < length && body[end] != '\n') {
                end++;
            }
            number++;
            int stop = end > start && body[end - 1] == '\r' ? end - 1 : end;
            if (!blank(body, start, stop)) {
                if (lines.size() == maxItems) {
                    throw ProblemException.tooLarge("The request body has more than " + maxItems + " articles; at most "
                            + maxItems + " are accepted in one bulk import. Split it into several requests.");
                }
                lines.add(line(lines.size(), number, body, start, stop - start));
            }
            start = end + 1;
        }
        if (lines.isEmpty()) {
            throw ProblemException.malformedBody(
                    "The request body has no article; send one JSON object per line (NDJSON).");
        }
        return lines;
    }

    private BodyLine line(int index, int number, byte[] body, int offset, int length) {
        try {
            return new BodyLine(index, number, new BodyFields(object(body, offset, length, "Line " + number)), null);
        } catch (ProblemException e) {
            return new BodyLine(index, number, null, e);
        }
    }

    private static boolean blank(byte[] body, int start, int end) {
        for (int i = start; i < end; i++) {
            if (body[i] != ' ' && body[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The JSON object in these bytes, or a 400 naming {@code what} was not one. */
    private ObjectNode object(byte[] body, int offset, int length, String what) {
        JsonNode node;
        try {
            node = reader.readTree(body, offset, length);
        } catch (IOException e) {
            throw ProblemException.malformedBody(what + " is not valid JSON (UTF-8): " + firstLine(e.getMessage()));
        }
        if (node == null || node.isMissingNode()) {
            throw ProblemException.malformedBody(what + " is empty; send a JSON object.");
        }
        if (!(node instanceof ObjectNode object)) {
            throw ProblemException.malformedBody(what + " must be a JSON object, not "
                    + node.getNodeType().name().toLowerCase(Locale.ROOT) + "."
                    + (node.isArray()
                            ? " To create many articles in one request, send one JSON object per line"
                                    + " with 'Content-Type: " + BodyLimits.NDJSON + "'."
                            : ""));
        }
        return object;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input.";
        }
        String line = message.lines()
                .findFirst()
                .orElse("")
                .replaceAll("\\(for .*\\)$", "")
                .strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
