package io.newsdesk.article;

import java.util.List;

/** The ids (and names, for feed titles) behind a selection's category and source slugs, once every slug is known to exist. */
record ResolvedSlugs(
        List<Long> categoryIds, List<Long> sourceIds, List<String> categoryNames, List<String> sourceNames) {}
