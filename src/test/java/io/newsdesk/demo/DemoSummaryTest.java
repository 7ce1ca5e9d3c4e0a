package io.newsdesk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * "Demo text contradicts itself": a summary is a digest of its own article, so it may not quote a figure, name or
 * sentence that the article's content does not carry. Plain unit test on the generator, no application needed.
 */
class DemoSummaryTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:15:00Z");

    /** Whole numbers with thousands separators first, so "12,300" is one number and not "12" and "300". */
    static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?");

    /** A sentence ends at . ! or ?, perhaps behind a closing quote, and the next one starts with a capital. */
    static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?][’”»]?)\\s+(?=[\\p{Lu}“‘«$\\d])");

    /** The three summary forms with the outlet in group "src" and the clause the lead repeats in group "clause". */
    static final List<Pattern> FIRST_SENTENCE = List.of(
            Pattern.compile("(?<src>.+?) reports that (?<clause>.+)\\."),
            Pattern.compile("(?<clause>.+), (?<src>.+?) reports\\."),
            Pattern.compile("According to (?<src>.+?), (?<clause>.+)\\."));

    @Test
    void everySummaryQuotesOnlyWhatItsOwnArticleSays() {
        List<DemoArticle> articles = DemoCatalog.articles(NOW, 480);
        assertEquals(480, articles.size());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            List<String> problems = problems(articles.get(i));
            if (!problems.isEmpty()) {
                failures.add("article " + i + ": " + String.join("; ", problems));
            }
        }
        assertTrue(
                failures.isEmpty(),
                failures.size() + " of " + articles.size() + " summaries contradict their content, first: "
                        + failures.subList(0, Math.min(5, failures.size())));
    }

    @Test
    void aboutSixtyPercentOfSummariesGoBeyondTheFirstSentenceAndOneInTenStartsWithAnEmoji() {
        List<DemoArticle> articles = DemoCatalog.articles(NOW, 480);
        long longer =
                articles.stream().filter(a -> sentences(a.summary()).size() > 1).count();
        long emoji = articles.stream()
                .filter(a -> leadingEmojiLength(a.summary()) > 0)
                .count();
        assertTrue(longer > 480 * 0.5 && longer < 480 * 0.7, longer + " of 480 summaries have a second sentence");
        assertTrue(emoji > 480 * 0.05 && emoji < 480 * 0.15, emoji + " of 480 summaries start with an emoji");
    }

    private static List<String> problems(DemoArticle article) {
        List<String> problems = new ArrayList<>();
        String content = article.content();
        Set<String> numbers = numbers(content);
        for (String n : numbers(article.summary())) {
            if (!numbers.contains(n)) {
                problems.add("number " + n + " is not in the content");
            }
        }
        List<String> sentences = sentences(article.summary());
        for (String sentence : sentences.subList(1, sentences.size())) {
            if (!content.contains(sentence)) {
                problems.add("sentence not in the content: " + sentence);
            }
        }
        problems.addAll(firstSentenceProblems(article, sentences.get(0)));
        return problems;
    }

    /** The outlet must be the article's own and its clause (subject, action, object, tail) the lead's. */
    private static List<String> firstSentenceProblems(DemoArticle article, String first) {
        String outlet = DemoCatalog.sources().stream()
                .filter(s -> s.slug().equals(article.sourceSlug()))
                .findFirst()
                .orElseThrow()
                .name();
        String withoutEmoji = first.substring(leadingEmojiLength(first));
        for (Pattern form : FIRST_SENTENCE) {
            Matcher m = form.matcher(withoutEmoji);
            if (m.matches() && m.group("src").equals(outlet)) {
                // the lead may open with the clause ("The Senate passed ...") where the summary does not, or vice versa
                String clause = m.group("clause");
                String rest = clause.substring(1);
                String first1 = clause.substring(0, 1);
                return article.content().contains(first1.toLowerCase(Locale.ROOT) + rest)
                                || article.content().contains(first1.toUpperCase(Locale.ROOT) + rest)
                        ? List.of()
                        : List.of("first sentence's clause is not in the content: " + clause);
            }
        }
        return List.of("first sentence does not name " + outlet + " in a summary form: " + first);
    }

    /** An emoji prefix is everything before the first letter. */
    private static int leadingEmojiLength(String s) {
        int i = 0;
        while (i < s.length() && !Character.isLetter(s.codePointAt(i))) {
            i += Character.charCount(s.codePointAt(i));
        }
        return i;
    }

    private static List<String> sentences(String text) {
        return Arrays.asList(SENTENCE_BREAK.split(text.strip()));
    }

    private static Set<String> numbers(String text) {
        Set<String> found = new HashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
