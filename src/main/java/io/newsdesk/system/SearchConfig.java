package io.newsdesk.system;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Full-text search ({@code q}): how much of a search {@code sort=relevance} ranks. */
@ConfigMapping(prefix = "newsdesk.search")
public interface SearchConfig {

    /**
     * {@code sort=relevance} orders the newest this-many matches of a search by relevance; older matches are reached
     * newest first ({@code sort=newest}). Ranking reads each ranked article's whole text index entry, so a word in
     * half of a million articles would otherwise rank half a million of them for every page (Elasticsearch bounds
     * its result window the same way, with {@code index.max_result_window}).
     */
    @WithDefault("1000")
    @Min(1) @Max(100_000) int relevanceWindow();
}
