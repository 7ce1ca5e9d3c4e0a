package io.newsdesk.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class SelectionSlugFilterTest extends SelectionSupport {

    private String politics;
    private String sport;
    private String culture;
    private String pbs;
    private String bbc;
    private long politicsPbs;
    private long politicsBbc;
    private long sportPbs;
    private long sportBbc;
    private long culturePbs;

    /** Two sources across three categories, one article per pair, newest last. */
    @BeforeEach
    void createFixture() {
        politics = newCategory();
        sport = newCategory();
        culture = newCategory();
        pbs = newSource();
        bbc = newSource();
        politicsPbs = publish(politics, pbs, "2026-03-01T10:00:00Z");
        politicsBbc = publish(politics, bbc, "2026-03-02T10:00:00Z");
        sportPbs = publish(sport, pbs, "2026-03-03T10:00:00Z");
        sportBbc = publish(sport, bbc, "2026-03-04T10:00:00Z");
        culturePbs = publish(culture, pbs, "2026-03-05T10:00:00Z");
    }

    @Test
    void shouldReturnOnlyTheArticlesOfOneCategory() {
        JsonPath page = ok(articles("category", politics));
        assertEquals(List.of(politicsBbc, politicsPbs), ids(page));
        assertEquals(List.of(politics, politics), page.getList("items.category.slug"));
        assertEquals("Category " + politics, page.getString("items[0].category.name"));
    }

    @Test
    void shouldOrTheValuesOfARepeatedCategory() {
        assertEquals(
                List.of(sportBbc, sportPbs, politicsBbc, politicsPbs),
                ids(articles("category", politics, "category", sport)));
    }

    @Test
    void shouldOrTheValuesOfARepeatedSource() {
        List<Long> both = ids(articles("category", politics, "source", pbs, "source", bbc));
        assertEquals(List.of(politicsBbc, politicsPbs), both);
    }

    @Test
    void shouldAndCategoryWithSource() {
        assertEquals(List.of(politicsPbs), ids(articles("category", politics, "source", pbs)));
        assertEquals(List.of(sportBbc), ids(articles("category", sport, "source", bbc)));
        assertEquals(List.of(), ids(articles("category", culture, "source", bbc)));
    }

    @Test
    void shouldOrWithinAndAndAcrossParametersAtOnce() {
        List<Long> selected = ids(articles("category", politics, "category", culture, "source", pbs));
        assertEquals(List.of(culturePbs, politicsPbs), selected);
    }

    @Test
    void shouldFilterBySourceAlone() {
        List<Long> fromBbc = ids(articles("source", bbc));
        assertEquals(List.of(sportBbc, politicsBbc), fromBbc, "a fresh source has only this test's articles");
    }

    @Test
    void shouldTreatDuplicateSlugsLikeOne() {
        assertEquals(ids(articles("category", politics)), ids(articles("category", politics, "category", politics)));
        assertEquals(
                List.of(sportPbs), ids(articles("category", sport, "category", sport, "source", pbs, "source", pbs)));
    }

    @Test
    void shouldReturn404ForUnknownCategory() {
        String unknown = uniqueSlug("no-such-category");
        JsonPath problem = assertProblem(articles("category", unknown), 404, "unknown-slug");
        assertTrue(problem.getString("detail").contains(unknown), "the detail names the slug");
    }

    @Test
    void shouldReturn404ForUnknownSource() {
        String unknown = uniqueSlug("no-such-source");
        JsonPath problem = assertProblem(articles("source", unknown), 404, "unknown-slug");
        assertTrue(problem.getString("detail").contains(unknown), "the detail names the slug");
    }

    @Test
    void shouldReturn404WhenOneOfSeveralCategoriesIsUnknown() {
        String unknown = uniqueSlug("missing");
        JsonPath problem = assertProblem(articles("category", politics, "category", unknown), 404, "unknown-slug");
        assertTrue(problem.getString("detail").contains(unknown), "the detail names the unknown slug");
        assertFalse(problem.getString("detail").contains(politics), "and not the known one");
    }

    @Test
    void shouldReturn404ForUnknownSlugEvenWhenTheOtherParameterIsKnown() {
        assertProblem(articles("category", politics, "source", uniqueSlug("missing")), 404, "unknown-slug");
    }

    @Test
    void shouldReturn400ForMalformedCategorySlugs() {
        for (String malformed :
                List.of("Politics", "bad_slug", "a--b", "-a", "a-", "a b", "caf\u00e9", "a/b", "x".repeat(101))) {
            assertInvalidParameter(articles("category", malformed), "category");
        }
    }

    @Test
    void shouldReturn400ForMalformedSourceSlugEvenNextToAKnownOne() {
        assertInvalidParameter(articles("source", pbs, "source", "PBS"), "source");
    }

    @Test
    void shouldAcceptAHundredCharacterSlugSyntacticallyAndAnswer404() {
        assertProblem(articles("category", "x".repeat(100)), 404, "unknown-slug");
    }

    @Test
    void shouldReturn400ForMoreThanFiftyCategoryValues() {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            pairs.add("category");
            pairs.add(politics);
        }
        assertInvalidParameter(articles(pairs.toArray(String[]::new)), "category");
    }
}
