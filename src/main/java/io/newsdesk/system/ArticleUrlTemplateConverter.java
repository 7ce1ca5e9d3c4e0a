package io.newsdesk.system;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads {@code newsdesk.site.article-url}: a template of the newsroom's own article pages such as
 * {@code https://news.example.com/{category}/{slug}-{id}}. Its placeholders are {@code {id}}, {@code {slug}},
 * {@code {category}} and {@code {source}} (the slugs); it must name {@code {id}} or {@code {slug}} (so that each
 * article has its own page), and with the placeholders filled in it must be an absolute http(s) URL.
 */
public class ArticleUrlTemplateConverter implements Converter<String> {

    public static final Set<String> PLACEHOLDERS = Set.of("id", "slug", "category", "source");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

    @Override
    public String convert(String value) {
        String template = value.strip();
        Matcher matcher = PLACEHOLDER.matcher(template);
        boolean identifies = false;
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!PLACEHOLDERS.contains(name)) {
                throw refused(value, "{" + name + "} is no placeholder");
            }
            identifies |= name.equals("id") || name.equals("slug");
        }
        if (!identifies) {
            throw refused(value, "it names neither {id} nor {slug}");
        }
        String sample = PLACEHOLDER.matcher(template).replaceAll("x1");
        if (!absoluteHttp(sample)) {
            throw refused(value, "it is no absolute http or https URL");
        }
        return template;
    }

    private static boolean absoluteHttp(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static IllegalArgumentException refused(String value, String why) {
        return new IllegalArgumentException("newsdesk.site.article-url (env NEWSDESK_SITE_ARTICLE_URL) must be an"
                + " absolute http or https URL with the placeholders {id}, {slug}, {category}, {source}, naming {id}"
                + " or {slug}, such as https://news.example.com/{category}/{slug}-{id}; '" + value + "' is not: "
                + why + ".");
    }
}
