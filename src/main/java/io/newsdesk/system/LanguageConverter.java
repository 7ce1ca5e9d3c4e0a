package io.newsdesk.system;

import java.util.regex.Pattern;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads {@code newsdesk.language} with a message that names the setting. A converter rather than a constraint
 * annotation: a constraint makes the mapping's method an interceptor binding, which a hand-made
 * {@link NewsdeskConfig} in a test may not override.
 */
public class LanguageConverter implements Converter<String> {

    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    @Override
    public String convert(String value) {
        String tag = value.strip();
        if (!TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("newsdesk.language (env NEWSDESK_LANGUAGE) must be a BCP 47 language"
                    + " tag such as en, de or pt-BR, not '" + value + "'.");
        }
        return tag;
    }
}
