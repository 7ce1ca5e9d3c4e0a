package io.newsdesk.system;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads {@code newsdesk.public-url}: an absolute http(s) URL with a host and no query or fragment, kept without a
 * trailing slash, so that ids derived from it ({@code <public-url>/v1/articles/42}) are the same however it was
 * written.
 */
public class PublicUrlConverter implements Converter<String> {

    @Override
    public String convert(String value) {
        String url = value.strip();
        if (!isBase(url)) {
            throw new IllegalArgumentException("newsdesk.public-url (env NEWSDESK_PUBLIC_URL) must be an absolute"
                    + " http or https URL without query or fragment, such as https://api.news.example, not '" + value
                    + "'.");
        }
        return url.replaceAll("/+$", "");
    }

    static boolean isBase(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
