package io.newsdesk.article;

import io.newsdesk.problem.ProblemException;

/** Article ids in paths are positive 64-bit integers; anything else names no article (404), before any SQL. */
final class ArticleIds {

    private ArticleIds() {}

    static long parse(String text) {
        if (text.length() <= 19 && !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                long id = Long.parseLong(text);
                if (id > 0) {
                    return id;
                }
            } catch (NumberFormatException overflow) {
                // falls through to the 404
            }
        }
        throw ProblemException.notFound("No article has id '" + io.newsdesk.selection.Words.printable(text)
                + "': article ids are positive whole numbers, as in /v1/articles/42.");
    }
}
