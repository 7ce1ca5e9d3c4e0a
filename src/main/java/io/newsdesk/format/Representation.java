package io.newsdesk.format;

/** A model paired with the writer negotiation chose for it; the response entity of every read. */
record Representation(Object model, ModelWriter writer) {}
