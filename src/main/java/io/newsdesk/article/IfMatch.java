package io.newsdesk.article;

import io.newsdesk.caching.EntityTags;
import io.newsdesk.problem.ProblemException;

/**
 * If-Match on article writes (RFC 9110 §13.1.1, strong comparison). Our article tags start with
 * {@code id.version.}, the version of the article's content, so a tag from any format or any view count of
 * the current version matches, and a tag of an older version (or anything else) is a 412.
 * Without If-Match the write proceeds (documented: clients that want protection send it).
 */
final class IfMatch {

    private IfMatch() {}

    static void require(String header, String currentPrefix) {
        if (header == null || header.strip().equals("*")) {
            return;
        }
        boolean matches = EntityTags.parse(header).stream()
                .anyMatch(tag -> !EntityTags.isWeak(tag) && tag.startsWith("\"" + currentPrefix));
        if (!matches) {
            throw ProblemException.preconditionFailed("The article changed since you read it (If-Match: "
                    + io.newsdesk.selection.Words.printable(header) + "). GET it again, reapply your edit, and"
                    + " send the new ETag.");
        }
    }
}
