package io.newsdesk.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code sort=relevance} ranks only the newest {@code newsdesk.search.relevance-window} matches: better but older
 * matches stay out of it, on every page, and {@code sort=newest} still lists every match.
 */
@QuarkusTest
@TestProfile(RelevanceWindowTest.WindowOfThree.class)
class RelevanceWindowTest extends SelectionSupport {

    public static class WindowOfThree implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsdesk.search.relevance-window", "3");
        }
    }

    private static final String PLAIN = "Nothing special here.";

    @Test
    void shouldRankOnlyTheNewestMatches() {
        String category = newCategory();
        String source = newSource();
        long bestButOldest = article(category, source, "Beacon lit", "The beacon burns.", "2026-04-01T12:00:00Z");
        long goodButOld = article(category, source, "Dock news", "The beacon was lit.", "2026-04-02T12:00:00Z");
        article(category, source, "Harbour news", PLAIN, "2026-04-03T12:00:00Z");
        long inContent = article(category, source, "Pier news", "The beacon was seen.", "2026-04-04T12:00:00Z");
        long inTitle = article(category, source, "Beacon repaired", PLAIN, "2026-04-05T12:00:00Z");
        long newestInContent = article(category, source, "Quay news", "A beacon again.", "2026-04-06T12:00:00Z");

        List<Long> ranked = List.of(inTitle, newestInContent, inContent);
        assertEquals(ranked, ids(articles("category", category, "q", "beacon", "sort", "relevance")));
        for (String limit : List.of("1", "2")) {
            assertEquals(
                    ranked,
                    walk("category", category, "q", "beacon", "sort", "relevance", "limit", limit),
                    "limit " + limit);
        }
        assertEquals(
                List.of(newestInContent, inTitle, inContent, goodButOld, bestButOldest),
                ids(articles("category", category, "q", "beacon")),
                "newest first lists every match");
        assertEquals(
                List.of(bestButOldest, goodButOld),
                ids(articles("category", category, "q", "beacon", "sort", "relevance", "to", "2026-04-03")),
                "the window is of the selection's matches: a narrower selection ranks its own newest");
    }

    /** An article whose summary is plain: the title ranks it higher than its content. */
    private long article(String category, String source, String title, String content, String publishedAt) {
        Map<String, Object> body = article(category, source, publishedAt);
        body.put("title", title);
        body.put("summary", PLAIN);
        body.put("content", content);
        return newArticle(body);
    }
}
