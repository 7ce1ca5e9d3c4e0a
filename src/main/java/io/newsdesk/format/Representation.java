package io.newsdesk.format;

/**
 * A model paired with the writer negotiation chose for it, and the content coding its bytes get on the way out;
 * the response entity of every read that is not sent as stored bytes.
 */
record Representation(Object model, ModelWriter writer, StreamCoding coding) {}
