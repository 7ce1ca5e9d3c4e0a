package io.newsdesk.article;

import java.text.Normalizer;
import java.util.Locale;

/** The readable slug of an article, made once from its title when it is created. */
public final class ArticleSlugs {

    private ArticleSlugs() {}

    /** Accents stripped, ASCII letters and digits joined by hyphens, at most 80 characters; never empty. */
    public static String of(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (ascii.length() > 80) {
            ascii = ascii.substring(0, 80).replaceAll("-[^-]*$", "");
        }
        return ascii.isEmpty() ? "article" : ascii;
    }
}
