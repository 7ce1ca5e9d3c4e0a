package io.newsdesk.category;

import java.util.Set;

import io.newsdesk.body.BodyFields;

/** The body of POST and PUT on categories: {@code {slug, name}}. */
record CategoryInput(String slug, String name) {

    static final Set<String> WRITABLE = Set.of("slug", "name");
    static final Set<String> READ_ONLY = Set.of("articleCount", "url");

    static CategoryInput from(BodyFields fields) {
        fields.allow(WRITABLE, READ_ONLY);
        CategoryInput input = new CategoryInput(fields.slug("slug"), fields.text("name", 200));
        fields.check();
        return input;
    }
}
