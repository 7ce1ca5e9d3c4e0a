package io.newsdesk.body;

import java.io.IOException;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.newsdesk.problem.ProblemException;
import io.newsdesk.system.NewsdeskConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a write request's body into a JSON object, or answers 400 (empty, malformed, duplicate keys, trailing
 * data, not an object) or 413 (over {@code newsdesk.http.max-body-bytes}). Field rules are {@link BodyFields}'.
 */
@ApplicationScoped
public class JsonBodies {

    private final ObjectReader reader;
    private final long maxBytes;

    JsonBodies(ObjectMapper mapper, NewsdeskConfig config) {
        this.reader = mapper.reader()
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.maxBytes = config.http().maxBodyBytes();
    }

    public BodyFields fields(byte[] body) {
        if (body != null && body.length > maxBytes) {
            throw ProblemException.tooLarge(
                    "The request body has " + body.length + " bytes; at most " + maxBytes + " are accepted.");
        }
        if (body == null || body.length == 0) {
            throw ProblemException.malformedBody("The request body is empty; send a JSON object.");
        }
        JsonNode node;
        try {
            node = reader.readTree(body);
        } catch (IOException e) {
            throw ProblemException.malformedBody(
                    "The request body is not valid JSON (UTF-8): " + firstLine(e.getMessage()));
        }
        if (node == null || node.isMissingNode()) {
            throw ProblemException.malformedBody("The request body is empty; send a JSON object.");
        }
        if (!(node instanceof ObjectNode object)) {
            throw ProblemException.malformedBody("The request body must be a JSON object, not "
                    + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        return new BodyFields(object);
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
