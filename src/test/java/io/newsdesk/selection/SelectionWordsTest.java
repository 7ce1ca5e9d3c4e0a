package io.newsdesk.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code q}: every word must occur in title, summary or content, case-insensitively. On PostgreSQL as words of the
 * language, stemmed; on H2 as substrings, wildcards literal. Tests of one database's semantics say so and are
 * skipped on the other.
 */
@QuarkusTest
class SelectionWordsTest extends SelectionSupport {

    private static final String PLAIN = "Nothing special here.";

    private String category;
    private String source;

    @BeforeEach
    void createCategory() {
        category = newCategory();
        source = newSource();
    }

    private long titled(String title) {
        return publishText(category, source, title, PLAIN, PLAIN);
    }

    private List<Long> search(String q) {
        return ids(articles("category", category, "q", q));
    }

    @Test
    void shouldRequireEveryWord() {
        long both = titled("Harbour bridge reopens");
        titled("Harbour closes for winter");
        titled("Bridge inspection finished");
        assertEquals(List.of(both), search("harbour bridge"));
        assertEquals(List.of(both), search("  bridge \t harbour  "));
        assertEquals(List.of(), search("harbour bridge tunnel"));
    }

    @Test
    void shouldMatchIgnoringCase() {
        long article = titled("Harbour Bridge Reopens");
        assertEquals(List.of(article), search("harbour"));
        assertEquals(List.of(article), search("HARBOUR bRiDgE"));
    }

    @Test
    void shouldMatchTitleSummaryOrContentAndWordsAcrossThem() {
        long inTitle = publishText(category, source, "Lighthouse restored", PLAIN, PLAIN);
        long inSummary = publishText(category, source, "Coastal news", "The lighthouse keeper retires.", PLAIN);
        long inContent = publishText(category, source, "Coastal news", PLAIN, "First.\n\nThe LIGHTHOUSE closes.");
        long split = publishText(category, source, "Keeper honoured", PLAIN, "Forty years at the lighthouse.");
        assertEquals(List.of(split, inContent, inSummary, inTitle), search("lighthouse"));
        assertEquals(List.of(split, inSummary), search("keeper lighthouse"));
    }

    @Test
    void shouldMatchPartsOfWordsOnH2() {
        assumeFalse(onPostgres(), "H2 matches substrings");
        long article = titled("Parliamentary debate");
        assertEquals(List.of(article), search("parliament"));
    }

    @Test
    void shouldMatchStemsButNotPartsOfWordsOnPostgres() {
        assumeTrue(onPostgres(), "PostgreSQL matches stemmed words");
        long council = titled("Council votes on the harbour");
        long parliament = titled("Parliamentary debate");
        assertEquals(List.of(council), search("councils"));
        assertEquals(List.of(council), search("voted harbours"));
        assertEquals(List.of(), search("parliament"), "not a part of " + parliament);
        assertEquals(List.of(parliament), search("parliamentary"));
        assertEquals(List.of(), search("the on"), "stop words only match nothing");
    }

    @Test
    void shouldIgnorePunctuationOnPostgres() {
        assumeTrue(onPostgres(), "PostgreSQL reads words, not characters");
        long percent = titled("100% sure");
        titled("1000 sure");
        assertEquals(List.of(percent), search("100%"));
        assertEquals(List.of(percent), search("100 sure!"));
        assertEquals(List.of(), search("0% sure"));
        assertEquals(List.of(percent), search("(sure) 100% %_\\ :* & |"), "operators are words' punctuation");
    }

    @Test
    void shouldTakePercentLiterallyOnH2() {
        assumeFalse(onPostgres(), "H2 matches substrings");
        long percent = titled("100% sure");
        titled("1000 sure");
        assertEquals(List.of(percent), search("100%"));
        assertEquals(List.of(percent), search("0% sure"));
        assertEquals(List.of(), search("1%sure"));
    }

    @Test
    void shouldTakeUnderscoreLiterallyOnH2() {
        assumeFalse(onPostgres(), "H2 matches substrings");
        long underscore = titled("Variable a_b renamed");
        long percent = titled("100% sure");
        titled("Variable axb renamed");
        assertEquals(List.of(underscore), search("a_b"));
        assertEquals(List.of(), search("a%b"));
        assertEquals(List.of(), search("1_0"), "1_0 does not match 100 of '" + percent + "'");
    }

    @Test
    void shouldTakeBackslashLiterallyOnH2() {
        assumeFalse(onPostgres(), "H2 matches substrings");
        long backslash = titled("Files moved to C:\\temp\\news");
        long plain = titled("Files moved to C:tempnews");
        assertEquals(List.of(backslash), search("c:\\temp"));
        assertEquals(List.of(backslash), search("\\"));
        assertEquals(List.of(plain), search("c:tempnews"));
        assertEquals(List.of(), search("\\%"));
        assertEquals(List.of(), search("c:\\\\temp"));
    }

    @Test
    void shouldIgnoreABlankQuery() {
        long first = titled("One");
        long second = titled("Two");
        List<Long> all = List.of(second, first);
        assertEquals(all, ids(articles("category", category)));
        assertEquals(all, search(""));
        assertEquals(all, search("   "));
    }

    @Test
    void shouldAcceptTwoHundredCharactersAndRefuseMore() {
        long article = titled("x".repeat(200));
        assertEquals(List.of(article), search("x".repeat(200)));
        assertInvalidParameter(articles("category", category, "q", "x".repeat(201)), "q");
        assertInvalidParameter(articles("category", category, "q", "word ".repeat(40) + "w"), "q");
    }

    @Test
    void shouldReturn400ForControlCharactersInQuery() {
        assertInvalidParameter(articles("category", category, "q", "bell\u0007"), "q");
    }
}
