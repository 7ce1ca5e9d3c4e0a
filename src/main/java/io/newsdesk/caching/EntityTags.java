package io.newsdesk.caching;

import java.util.ArrayList;
import java.util.List;

/** Parsing and comparing entity-tag lists of If-None-Match and If-Match (RFC 9110 §8.8.3, §13.1). */
public final class EntityTags {

    private EntityTags() {}

    /** Weak comparison, as If-None-Match requires: {@code W/"x"} matches {@code "x"}; {@code *} matches all. */
    static boolean anyMatchesWeakly(String header, String etag) {
        if (header.strip().equals("*")) {
            return true;
        }
        String opaque = opaque(etag);
        return parse(header).stream().anyMatch(tag -> opaque(tag).equals(opaque));
    }

    /** The tags of a list, each still quoted and with its {@code W/} prefix if it had one. */
    public static List<String> parse(String header) {
        List<String> tags = new ArrayList<>();
        int i = 0;
        while (i < header.length()) {
            char c = header.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            boolean weak = header.startsWith("W/", i);
            int start = weak ? i + 2 : i;
            if (start >= header.length() || header.charAt(start) != '"') {
                int comma = header.indexOf(',', i);
                i = comma < 0 ? header.length() : comma + 1;
                continue;
            }
            int end = header.indexOf('"', start + 1);
            if (end < 0) {
                break;
            }
            tags.add(header.substring(i, end + 1));
            i = end + 1;
        }
        return tags;
    }

    public static boolean isWeak(String tag) {
        return tag.startsWith("W/");
    }

    static String opaque(String tag) {
        return isWeak(tag) ? tag.substring(2) : tag;
    }
}
