package io.newsdesk.format;

import java.util.Map;
import java.util.Set;

/**
 * A document of items that a reader keeps between polls, as the {@code feed} instance manipulation of RFC 3229
 * sees it: which items it lists, each with a version that changes whenever anything a reader is shown of the item
 * changes, and the same document narrowed to some of them, which the document's writer renders as a delta. The
 * caching layer remembers the versions and picks the items without knowing what an item is.
 */
public interface FeedItems {

    /** Each item's key (unique within the document) and its version, in document order. */
    Map<String, String> itemVersions();

    /** This document with only the items whose keys are given, in document order; everything else unchanged. */
    Object only(Set<String> keys);
}
