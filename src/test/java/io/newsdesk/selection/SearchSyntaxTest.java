package io.newsdesk.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * {@code q} in websearch syntax ("phrases", -word, or) and {@code sort=relevance}, with the same answers on H2 and
 * PostgreSQL for text whose words neither stem nor hide inside other words.
 */
@QuarkusTest
class SearchSyntaxTest extends SelectionSupport {

    private static final String PLAIN = "Nothing special here.";

    private String category;
    private String source;

    @BeforeEach
    void createCategory() {
        category = newCategory();
        source = newSource();
    }

    private long article(String title, String summary, String content, String publishedAt) {
        Map<String, Object> body = article(category, source, publishedAt);
        body.put("title", title);
        body.put("summary", summary);
        body.put("content", content);
        return newArticle(body);
    }

    private long titled(String title, String publishedAt) {
        return article(title, PLAIN, PLAIN, publishedAt);
    }

    private List<Long> search(String q, String... more) {
        List<String> pairs = new ArrayList<>(List.of("category", category, "q", q));
        pairs.addAll(List.of(more));
        return ids(articles(pairs.toArray(String[]::new)));
    }

    @Test
    void shouldMatchAQuotedPhraseOnlyWithItsWordsInOrder() {
        long phrase = titled("The city council met", "2026-03-10T12:00:00Z");
        long apart = titled("Council of the city met", "2026-03-11T12:00:00Z");
        assertEquals(List.of(phrase), search("\"city council\""));
        assertEquals(List.of(apart, phrase), search("city council"));
        assertEquals(List.of(phrase), search("\"CITY   council\" met"));
    }

    @Test
    void shouldLeaveOutArticlesWithANegatedWordOrPhrase() {
        long calm = titled("Harbour reopens", "2026-03-10T12:00:00Z");
        long storm = titled("Harbour storm warning", "2026-03-11T12:00:00Z");
        long both = article("Storm warning lifted", "The harbour storm passed.", PLAIN, "2026-03-12T12:00:00Z");
        assertEquals(List.of(calm), search("harbour -storm"));
        assertEquals(List.of(both, calm), search("harbour -\"harbour storm warning\""));
        assertEquals(List.of(both, storm), search("warning -reopens"));
        assertEquals(List.of(calm), search("-storm"), "a negated word alone keeps the rest of the category");
    }

    @Test
    void shouldMatchEitherSideOfOr() {
        long alpha = titled("Lighthouse keeper retires", "2026-03-10T12:00:00Z");
        long beta = titled("Ferry timetable changes", "2026-03-11T12:00:00Z");
        long gamma = titled("Lighthouse ferry museum", "2026-03-12T12:00:00Z");
        titled("Harbour reopens", "2026-03-13T12:00:00Z");
        assertEquals(List.of(gamma, beta, alpha), search("lighthouse or ferry"));
        assertEquals(List.of(gamma, beta, alpha), search("lighthouse OR ferry"));
        assertEquals(
                List.of(gamma, beta), search("lighthouse ferry or timetable"), "(lighthouse and ferry) or timetable");
        assertEquals(List.of(beta, alpha), search("keeper or ferry -museum"));
    }

    @Test
    void shouldListMatchesNewestFirstByDefaultAndPageThemByCursor() {
        List<Long> newestFirst = new ArrayList<>();
        for (int day = 10; day <= 16; day++) {
            newestFirst.add(0, titled("Tide report " + day, "2026-03-" + day + "T12:00:00Z"));
            titled("Weather report " + day, "2026-03-" + day + "T13:00:00Z");
        }
        assertEquals(newestFirst, search("tide"));
        assertEquals(newestFirst, walk("category", category, "q", "tide", "limit", "3"));
        List<Long> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        assertEquals(oldestFirst, walk("category", category, "q", "tide", "limit", "2", "sort", "oldest"));
    }

    @Test
    void shouldRankTitleOverSummaryOverContentAndBreakTiesNewestFirst() {
        long inContent = article("Coastal news", PLAIN, "The lighthouse was painted.", "2026-03-15T12:00:00Z");
        long inSummary = article("Coastal news", "The lighthouse reopens.", PLAIN, "2026-03-14T12:00:00Z");
        long inTitle = article("Lighthouse reopens", PLAIN, PLAIN, "2026-03-10T12:00:00Z");
        long inTitleToo = article("Lighthouse repainted", PLAIN, PLAIN, "2026-03-11T12:00:00Z");
        long sameInstant = article("Lighthouse repaired", PLAIN, PLAIN, "2026-03-11T12:00:00Z");
        titled("Harbour reopens", "2026-03-16T12:00:00Z");
        List<Long> expected = List.of(sameInstant, inTitleToo, inTitle, inSummary, inContent);
        assertEquals(expected, search("lighthouse", "sort", "relevance"));
        assertEquals(List.of(inContent, inSummary, sameInstant, inTitleToo, inTitle), search("lighthouse"));
        for (String limit : List.of("1", "2", "3")) {
            List<Long> walked = walk("category", category, "q", "lighthouse", "sort", "relevance", "limit", limit);
            assertEquals(expected, walked, "limit " + limit);
            assertEquals(walked.size(), new HashSet<>(walked).size(), "no article twice");
        }
    }

    @Test
    void shouldRankArticlesThatMatchMoreTermsHigher() {
        long one = titled("Ferry delayed", "2026-03-12T12:00:00Z");
        long two = titled("Ferry and lighthouse tour", "2026-03-10T12:00:00Z");
        long other = titled("Lighthouse open day", "2026-03-11T12:00:00Z");
        assertEquals(List.of(two, one, other), search("ferry lighthouse or ferry or lighthouse", "sort", "relevance"));
        JsonPath first =
                ok(articles("category", category, "q", "ferry or lighthouse", "sort", "relevance", "limit", "2"));
        assertEquals(List.of(two, one), ids(first));
        JsonPath second = ok(raw(first.getString("next")));
        assertEquals(List.of(other), ids(second));
        assertNull(second.getString("next"));
    }

    @Test
    void shouldRefuseRelevanceWithoutWordsToRank() {
        assertInvalidParameter(articles("category", category, "sort", "relevance"), "sort");
        assertInvalidParameter(articles("category", category, "sort", "relevance", "q", "-storm"), "sort");
        assertInvalidParameter(articles("category", category, "sort", "best"), "sort");
    }

    @Test
    void shouldRefuseACursorOfAnotherSortOrQuery() {
        for (int day = 10; day <= 13; day++) {
            titled("Tide report " + day, "2026-03-" + day + "T12:00:00Z");
        }
        String newest = ok(articles("category", category, "q", "tide report", "limit", "1"))
                .getString("next");
        String cursor = params(newest).get("cursor").get(0);
        assertInvalidParameter(
                articles("category", category, "q", "tide", "sort", "relevance", "limit", "1", "cursor", cursor),
                "cursor");
        String ranked = ok(articles("category", category, "q", "tide", "sort", "relevance", "limit", "1"))
                .getString("next");
        String rankedCursor = params(ranked).get("cursor").get(0);
        assertInvalidParameter(
                articles("category", category, "q", "tide", "limit", "1", "cursor", rankedCursor), "cursor");
        assertInvalidParameter(
                articles("category", category, "q", "report", "sort", "relevance", "cursor", rankedCursor), "cursor");
        assertEquals(
                1,
                ids(articles("category", category, "q", "Report  TIDE", "limit", "1", "cursor", cursor))
                        .size(),
                "the same query written differently keeps its cursor");
    }
}
