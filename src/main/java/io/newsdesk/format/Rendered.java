package io.newsdesk.format;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;

/** A representation serialized to bytes, with its media type and the headers its writer adds. */
public record Rendered(byte[] body, MediaType mediaType, Map<String, String> headers) {}
