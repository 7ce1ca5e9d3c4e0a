package io.newsdesk.websub;

import java.net.URI;

import io.newsdesk.selection.Selection;

/**
 * A topic this hub serves: a feed of {@code /v1/articles}. {@code url} is the URL as the subscriber gave it (sent
 * back in verification and as {@code rel="self"}), {@code base} the API's base URL it names (the links of the
 * delivered document), {@code key} the normalised topic (see {@link Topics}).
 */
record Topic(String url, URI base, Selection selection, String format, String key) {}
