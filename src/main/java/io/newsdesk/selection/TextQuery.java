package io.newsdesk.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What {@code q} asks for, in the syntax of PostgreSQL's {@code websearch_to_tsquery}: words that must all occur,
 * {@code "quoted phrases"}, {@code -word} or {@code -"phrase"} that must not occur, and {@code or} between terms,
 * which splits the query into groups (a match satisfies every term of at least one group: {@code a b or c} is
 * {@code (a and b) or c}, as in PostgreSQL). Parsed once here so that both databases get the same structure:
 * PostgreSQL receives it back as {@link #text()}, H2 as one LIKE per term.
 *
 * <p>Text is lower-cased; white space inside a phrase becomes one space; a term given twice in a group counts once;
 * {@code or} that does not stand between two terms, a lone {@code -} and an empty phrase are ignored. Terms and
 * groups are kept sorted, so that {@code a b} and {@code b a} are one query (one cursor, one cache entry).
 */
public record TextQuery(List<Group> groups) {

    public static final TextQuery NONE = new TextQuery(List.of());
    private static final Pattern SPACE = Pattern.compile("[\\s\\p{Zs}]+", Pattern.UNICODE_CHARACTER_CLASS);

    /** One word or phrase; {@code negated} when it must not occur. */
    public record Term(String text, boolean phrase, boolean negated) {

        /** The term in websearch syntax. */
        String websearch() {
            return (negated ? "-" : "") + (phrase ? '"' + text + '"' : text);
        }
    }

    /** Terms that must all hold. */
    public record Group(List<Term> terms) {

        public Group {
            terms = List.copyOf(terms);
        }
    }

    public TextQuery {
        groups = List.copyOf(groups);
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }

    /** The query in websearch syntax, canonical: the same text for every way of writing the same query. */
    public String text() {
        return groups.stream().map(TextQuery::websearch).collect(Collectors.joining(" or "));
    }

    private static String websearch(Group group) {
        return group.terms().stream().map(Term::websearch).collect(Collectors.joining(" "));
    }

    /** The terms that must occur (in some group): what relevance counts. */
    public List<Term> positiveTerms() {
        return groups.stream()
                .flatMap(group -> group.terms().stream())
                .filter(term -> !term.negated())
                .distinct()
                .toList();
    }

    /** Parses text already checked for length and characters. */
    static TextQuery parse(String text) {
        Parser parser = new Parser(text.toLowerCase(Locale.ROOT));
        parser.run();
        return new TextQuery(parser.groups.stream()
                .distinct()
                .sorted(Comparator.comparing(TextQuery::websearch))
                .toList());
    }

    private static final class Parser {

        private final String text;
        private final List<Group> groups = new ArrayList<>();
        private Set<Term> group = new TreeSet<>(Comparator.comparing(Term::websearch));
        private boolean orPending;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        void run() {
            while (skipSpace()) {
                boolean negated = false;
                while (at < text.length() && text.charAt(at) == '-') {
                    negated = true;
                    at++;
                }
                if (at == text.length() || isSpace(text.charAt(at))) {
                    continue;
                }
                if (text.charAt(at) == '"') {
                    int end = text.indexOf('"', at + 1);
                    String phrase = SPACE.splitAsStream(text.substring(at + 1, end < 0 ? text.length() : end))
                            .filter(word -> !word.isEmpty())
                            .collect(Collectors.joining(" "));
                    at = end < 0 ? text.length() : end + 1;
                    if (!phrase.isEmpty()) {
                        add(new Term(phrase, true, negated));
                    }
                    continue;
                }
                int start = at;
                while (at < text.length() && !isSpace(text.charAt(at)) && text.charAt(at) != '"') {
                    at++;
                }
                String word = text.substring(start, at);
                if (!negated && word.equals("or")) {
                    orPending = !group.isEmpty();
                } else {
                    add(new Term(word, false, negated));
                }
            }
            close();
        }

        private static boolean isSpace(char c) {
            return Character.isWhitespace(c) || Character.isSpaceChar(c);
        }

        private boolean skipSpace() {
            while (at < text.length() && isSpace(text.charAt(at))) {
                at++;
            }
            return at < text.length();
        }

        private void add(Term term) {
            if (orPending) {
                close();
                orPending = false;
            }
            group.add(term);
        }

        private void close() {
            if (!group.isEmpty()) {
                groups.add(new Group(List.copyOf(group)));
                group = new TreeSet<>(Comparator.comparing(Term::websearch));
            }
        }
    }
}
