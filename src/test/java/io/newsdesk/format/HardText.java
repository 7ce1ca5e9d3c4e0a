package io.newsdesk.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.newsdesk.ApiTest;

/**
 * A fixture of articles whose text is hard for every format: astral-plane emoji, combining marks,
 * right-to-left scripts, markup and entities, commas, doubled quotes, newlines, tabs, formula-like starts.
 * Every format test reads the same selection as JSON and as its own format and compares field by field.
 */
public final class HardText {

    /** The titles as stored and read: {@link #SENT_TITLES} without leading and trailing whitespace. */
    public static final List<String> TITLES;

    /** The titles as an editor sends them, one with whitespace around it that is trimmed when written. */
    public static final List<String> SENT_TITLES = List.of(
            "Emoji 🞛 📈 🌍 and a flag 🇺🇦 in a title",
            "Combining marks: e\u0301 n\u0303 a\u030A and precomposed é ñ å",
            "Right-to-left: القاهرة and ירושלים, with a comma",
            "Markup <b>&amp;\"'</b> & a lone < and > plus ]]> end",
            " \"Doubled \"\"quotes\"\"\", commas, and a leading and trailing space \t",
            "=HYPERLINK(\"https://evil.example\",\"click\")",
            "+1 plus at the start",
            "-2 minus at the start",
            "@SUM(1) at sign at the start",
            "Greek «Αθήνα» and CJK 東京 北京 서울 mixed");

    public static final String SUMMARY =
            "Summary with “curly quotes”, ‘single’, an em dash —, a tab\tand <i>tags</i> & entities &lt;";
    public static final String CONTENT = "First paragraph with 🞛 and e\u0301.\n\nSecond, with \"quotes\", commas, "
            + "CR\r\nLF and <script>alert('x')</script>.\n\n\tIndented third; עברית and العربية.";
    /** The paragraphs of {@link #CONTENT} as the feeds' HTML must carry them: split on blank lines, stripped. */
    public static final List<String> PARAGRAPHS = List.of(
            "First paragraph with 🞛 and e\u0301.",
            "Second, with \"quotes\", commas, CR\r\nLF and <script>alert('x')</script>.",
            "Indented third; עברית and العربية.");

    static {
        TITLES = SENT_TITLES.stream().map(String::strip).toList();
    }

    private HardText() {}

    /** Creates the fixture in a fresh category and source; returns the category slug. */
    public static String create() {
        String category = ApiTest.newCategory();
        String source = ApiTest.newSource();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < TITLES.size(); i++) {
            Map<String, Object> body =
                    ApiTest.article(category, source, String.format("2026-05-%02dT%02d:15:00Z", 1 + i, 3 + i));
            body.put("title", SENT_TITLES.get(i));
            body.put("summary", i % 2 == 0 ? SUMMARY : "-" + SUMMARY);
            body.put("content", CONTENT);
            body.put("hasEditorialBias", i % 3 == 0);
            ids.add(ApiTest.newArticle(body));
        }
        return category;
    }
}
