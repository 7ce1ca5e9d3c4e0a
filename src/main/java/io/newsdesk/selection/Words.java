package io.newsdesk.selection;

import java.util.Optional;

import io.newsdesk.format.XmlChars;
import io.newsdesk.problem.ProblemException;

/** The {@code q} parameter's limits (what {@link TextQuery} then parses), LIKE patterns and echoing values back. */
public final class Words {

    static final int MAX_LENGTH = 200;

    private Words() {}

    static TextQuery parse(Optional<String> q) {
        if (q.isEmpty()) {
            return TextQuery.NONE;
        }
        String text = q.get();
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw ProblemException.invalidParameter(
                    "q",
                    "'q' is at most " + MAX_LENGTH + " characters; it was " + text.codePointCount(0, text.length())
                            + ".");
        }
        if (XmlChars.firstInvalid(text) >= 0) {
            throw ProblemException.invalidParameter(
                    "q",
                    "'q' contains control characters or broken"
                            + " UTF-8 that no feed could carry; send the words as plain text.");
        }
        return TextQuery.parse(text);
    }

    /** A LIKE pattern matching the word anywhere, with %, _ and \ taken literally (escape character \). */
    public static String likePattern(String word) {
        return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** A value as it may be echoed back in a problem detail: short and without control characters. */
    public static String printable(String value) {
        String cut = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return cut.codePoints()
                .map(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
