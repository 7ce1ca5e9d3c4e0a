package io.newsdesk.problem;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Random request parts from one seeded {@link Random}: texts, query strings, path segments and JSON bodies.
 * Everything that goes into a URL is percent-encoded properly (a bare '%' is refused below the application).
 */
final class FuzzInputs {

    static final List<String> PARAMETERS = List.of(
            "category",
            "source",
            "date",
            "from",
            "to",
            "q",
            "sort",
            "limit",
            "cursor",
            "format",
            "utm_source",
            "page",
            "",
            "q[]",
            "Category",
            "limit ",
            "%",
            "ü");
    static final List<String> ARTICLE_FIELDS = List.of(
            "title",
            "summary",
            "content",
            "category",
            "source",
            "publishedAt",
            "originalUrl",
            "isSummary",
            "hasEditorialBias",
            "id",
            "slug",
            "url",
            "views",
            "updatedAt");
    static final List<String> CATEGORY_FIELDS = List.of("slug", "name", "url", "articleCount");
    static final List<String> SOURCE_FIELDS = List.of("slug", "name", "url", "articleCount");

    private static final String[] PIECES = {
        "a",
        "z",
        "0",
        "9",
        "-",
        "_",
        ".",
        "~",
        " ",
        "%",
        "%25",
        "&",
        "=",
        "+",
        "#",
        "?",
        "/",
        "\\",
        "'",
        "\"",
        "<",
        ">",
        "{",
        "}",
        "[",
        "]",
        ",",
        ";",
        ":",
        "*",
        "é",
        "ß",
        "東京",
        "Ω",
        "\u200B",
        "\u202E",
        "\u00A0",
        "😀",
        "🇺🇦",
        "\t",
        "\n",
        "\r",
        "\u0000",
        "\u0001",
        "\u001B",
        "\u007F",
        "\uFFFD",
        "\uFFFF",
        "null",
        "true",
        "-1",
        "1e309",
        "99999999999999999999",
        "2026-11-24",
        "2026-11-24T09:30:00Z",
        "+999999999-12-31",
        "--"
    };
    private static final String[] SPECIAL = {
        "",
        " ",
        "0",
        "-1",
        "1",
        "100",
        "101",
        "2147483648",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775809",
        "1.5",
        "NaN",
        "Infinity",
        "1e3",
        "newest",
        "oldest",
        "json",
        "xml",
        "2026-11-24",
        "2026-02-30",
        "2026-11-24T09:30:00+01:00",
        "2026-11-24T09:30:00",
        "+999999999-12-31",
        "-999999999-01-01",
        "+999999999-12-31T23:59:59Z",
        "0000-01-01",
        "9999-12-31",
        "99999-01-01",
        "2026-11-24T24:00:00Z",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "no-such-slug",
        "UPPER",
        "a--b",
        "%",
        "%%",
        "%zz",
        "%2",
        "\u0000",
        "' OR '1'='1",
        "\\",
        "_",
        "😀",
        "\uD83D"
    };
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Random random;

    FuzzInputs(Random random) {
        this.random = random;
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** A text of random pieces: plain, unicode, astral, control characters, numbers, dates, slugs. */
    String text(int maxPieces) {
        if (chance(35)) {
            return SPECIAL[random.nextInt(SPECIAL.length)];
        }
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(maxPieces + 1);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        if (chance(5)) {
            text.append("x".repeat(between(100, 3_000)));
        }
        return text.toString();
    }

    /** A query string of 0 to 6 parameters, names and values random, some repeated, all encoded. */
    String query(List<String> extraValues) {
        List<String> pairs = new ArrayList<>();
        int count = random.nextInt(7);
        for (int i = 0; i < count; i++) {
            String name = chance(80) ? pick(PARAMETERS) : text(4);
            String value = chance(20) ? pick(extraValues) : text(8);
            int times = chance(10) ? between(2, 60) : 1;
            for (int t = 0; t < times; t++) {
                // always name=value, never a bare "=": RestAssured itself fails on a bare name or "&=&"
                pairs.add(encode(name.isEmpty() && value.isEmpty() ? "_" : name) + "=" + encode(value));
            }
        }
        String query = String.join("&", pairs);
        // over 8 KiB is our 414 problem; over 64 KiB Vert.x answers a bare 414 itself, so stay well below that
        return query.isEmpty()
                ? ""
                : "?" + (query.length() > 12_000 ? query.substring(0, 12_000) : query).replaceAll("%[0-9A-F]?$", "");
    }

    /** One path segment, percent-encoded; never empty, "." or "..", which would change the path itself. */
    String segment(List<String> known) {
        String raw = chance(30) ? pick(known) : text(6);
        if (raw.isEmpty() || raw.equals(".") || raw.equals("..")) {
            raw = "x" + raw;
        }
        String encoded = encode(raw).replace("+", "%20");
        return encoded.length() > 3_000 ? encoded.substring(0, 3_000).replaceAll("%[0-9A-F]?$", "") : encoded;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A request body: mostly a JSON object over the resource's fields, sometimes anything else. */
    String body(List<String> fields, List<String> slugs) {
        int kind = random.nextInt(100);
        if (kind < 6) {
            return text(12);
        }
        if (kind < 10) {
            String object = json(object(fields, slugs, 0));
            return object.substring(0, random.nextInt(object.length()));
        }
        if (kind < 15) {
            return json(value(slugs, 0));
        }
        if (kind < 20) {
            int depth = between(10, 3_000);
            return chance(50)
                    ? "[".repeat(depth) + "]".repeat(depth)
                    : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        }
        return json(object(fields, slugs, 0));
    }

    private Map<String, Object> object(List<String> fields, List<String> slugs, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (String field : fields) {
            if (chance(75)) {
                object.put(field, chance(50) ? plausible(field, slugs) : value(slugs, depth + 1));
            }
        }
        while (chance(15)) {
            object.put(text(3), value(slugs, depth + 1));
        }
        return object;
    }

    /** A value of a random JSON type; nested arrays and objects up to a few levels. */
    private Object value(List<String> slugs, int depth) {
        switch (random.nextInt(depth > 3 ? 6 : 8)) {
            case 0:
                return text(10);
            case 1:
                return random.nextLong();
            case 2:
                return chance(50) ? random.nextDouble() * 1e300 : -random.nextInt();
            case 3:
                return random.nextBoolean();
            case 4:
                return null;
            case 5:
                return chance(10) ? "w".repeat(between(1_000, 60_000)) : pick(slugs);
            case 6:
                return Arrays.asList(value(slugs, depth + 1), value(slugs, depth + 1));
            default:
                return object(List.of("slug", "name", "a"), slugs, depth + 1);
        }
    }

    /** A value that passes or nearly passes the field's own check, so that later checks run too. */
    private Object plausible(String field, List<String> slugs) {
        return switch (field) {
            case "category", "source", "slug" ->
                chance(70) ? pick(slugs) : "fz-" + Integer.toString(random.nextInt(1 << 20), 36);
            case "publishedAt" ->
                chance(70)
                        ? "2026-0" + between(1, 9) + "-1" + between(0, 9) + "T10:00:00Z"
                        : pick(List.of("0999-12-31T00:00:00Z", "9999-12-31T00:00:00Z", "2026-01-01T00:00:00+18:00"));
            case "originalUrl", "url" ->
                pick(List.of(
                        "https://example.org/" + text(3).replace(" ", ""),
                        "javascript:alert(1)",
                        "ftp://x.example/",
                        "http://",
                        "//example.org/a"));
            case "isSummary", "hasEditorialBias" -> random.nextBoolean();
            default -> chance(80) ? "Fuzz " + text(5) : "t".repeat(between(1, 600));
        };
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
