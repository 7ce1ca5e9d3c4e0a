package io.newsdesk.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The {@code next} link: absolute, keeps the selection, null at the end; and cursors that must be refused. */
@QuarkusTest
class CursorLinkTest extends SelectionSupport {

    private String category;
    private String source;
    private List<Long> newestFirst;

    /** Six articles: two full pages of three. */
    @BeforeEach
    void createSixArticles() {
        category = newCategory();
        source = newSource();
        for (int day = 10; day <= 15; day++) {
            Map<String, Object> body = article(category, source, "2026-03-" + day + "T12:00:00Z");
            body.put("title", "Budget 100% agreed on day " + day);
            newArticle(body);
        }
        newestFirst = ids(articles("category", category, "limit", "100"));
        assertEquals(6, newestFirst.size());
    }

    private String nextOfFirstPage(String... extra) {
        String[] pairs = new String[extra.length + 4];
        pairs[0] = "category";
        pairs[1] = category;
        pairs[2] = "limit";
        pairs[3] = "3";
        System.arraycopy(extra, 0, pairs, 4, extra.length);
        return ok(articles(pairs)).getString("next");
    }

    private static String cursorOf(String next) {
        return params(next).get("cursor").get(0);
    }

    @Test
    void shouldLinkTheNextPageWithAnAbsoluteUrl() {
        String next = nextOfFirstPage();
        assertTrue(next.startsWith("http://") || next.startsWith("https://"), next);
        assertTrue(next.contains("/v1/articles?"), next);
        assertEquals(newestFirst.subList(3, 6), ids(raw(next)));
    }

    @Test
    void shouldReturnNullNextOnTheLastPageEvenWhenItIsExactlyFull() {
        JsonPath second = ok(raw(nextOfFirstPage()));
        assertEquals(3, ids(second).size());
        assertNull(second.getString("next"));
        assertTrue(second.getMap("$").containsKey("next"), "next is present as null");
        JsonPath whole = ok(articles("category", category, "limit", "6"));
        assertNull(whole.getString("next"));
    }

    @Test
    void shouldReturnNullNextForAnEmptySelection() {
        JsonPath empty = ok(articles("category", newCategory()));
        assertEquals(List.of(), ids(empty));
        assertNull(empty.getString("next"));
    }

    @Test
    void shouldKeepEveryFilterInTheNextLink() {
        String otherCategory = newCategory();
        String from = "2026-01-01T01:00:00+02:00";
        String to = "2027-01-01";
        String next = nextOfFirstPage(
                "category",
                otherCategory,
                "source",
                source,
                "q",
                "budget 100%",
                "from",
                from,
                "to",
                to,
                "sort",
                "oldest");
        Map<String, List<String>> params = params(next);
        assertEquals(List.of(category, otherCategory), params.get("category"));
        assertEquals(List.of(source), params.get("source"));
        assertEquals(List.of("budget 100%"), params.get("q"));
        assertEquals(List.of(from), params.get("from"));
        assertEquals(List.of(to), params.get("to"));
        assertEquals(List.of("oldest"), params.get("sort"));
        assertEquals(List.of("3"), params.get("limit"));
        assertEquals(1, params.get("cursor").size());

        JsonPath second = ok(raw(next));
        List<Long> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        assertEquals(oldestFirst.subList(3, 6), ids(second));
        assertNull(second.getString("next"));
    }

    @Test
    void shouldReplaceTheCursorInTheNextLinkOfALaterPage() {
        String first = ok(articles("category", category, "limit", "2")).getString("next");
        String second = ok(raw(first)).getString("next");
        assertEquals(1, params(second).get("cursor").size());
        assertNotEquals(cursorOf(first), cursorOf(second));
        assertEquals(newestFirst.subList(4, 6), ids(raw(second)));
    }

    @Test
    void shouldReturn400ForACursorOfAnotherCategory() {
        String cursor = cursorOf(nextOfFirstPage());
        String other = newCategory();
        publish(other, source, "2026-01-01T00:00:00Z");
        assertInvalidParameter(articles("category", other, "limit", "3", "cursor", cursor), "cursor");
        assertInvalidParameter(articles("limit", "3", "cursor", cursor), "cursor");
    }

    @Test
    void shouldReturn400ForACursorOfAnotherSortOrFilter() {
        String cursor = cursorOf(nextOfFirstPage());
        assertInvalidParameter(
                articles("category", category, "limit", "3", "sort", "oldest", "cursor", cursor), "cursor");
        assertInvalidParameter(articles("category", category, "limit", "3", "q", "budget", "cursor", cursor), "cursor");
        assertInvalidParameter(
                articles("category", category, "limit", "3", "source", source, "cursor", cursor), "cursor");
    }

    @Test
    void shouldReturn400ForATamperedCursor() {
        String cursor = cursorOf(nextOfFirstPage());
        for (int position : List.of(0, 1, 5, cursor.length() / 2, cursor.length() - 1)) {
            char original = cursor.charAt(position);
            char changed = original == 'A' ? 'B' : 'A';
            String tampered = cursor.substring(0, position) + changed + cursor.substring(position + 1);
            assertInvalidParameter(articles("category", category, "limit", "3", "cursor", tampered), "cursor");
        }
    }

    @Test
    void shouldReturn400ForATruncatedOrExtendedCursor() {
        String cursor = cursorOf(nextOfFirstPage());
        for (String cut : List.of(
                cursor.substring(0, cursor.length() - 1),
                cursor.substring(0, cursor.length() - 4),
                cursor.substring(0, cursor.length() / 2),
                cursor + "A",
                cursor + "AAAA")) {
            assertInvalidParameter(articles("category", category, "limit", "3", "cursor", cut), "cursor");
        }
    }

    @Test
    void shouldReturn400ForRandomOrMalformedCursors() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[30];
        random.nextBytes(bytes);
        for (String forged : List.of(
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                Base64.getEncoder().encodeToString(bytes),
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "!!!",
                "0",
                "not a cursor",
                "ZZ")) {
            assertInvalidParameter(articles("category", category, "limit", "3", "cursor", forged), "cursor");
        }
    }
}
