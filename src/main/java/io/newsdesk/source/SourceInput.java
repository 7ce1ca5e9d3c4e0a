package io.newsdesk.source;

import java.util.Set;

import io.newsdesk.body.BodyFields;

/** The body of POST and PUT on sources: {@code {slug, name, url}}. */
record SourceInput(String slug, String name, String url) {

    static final Set<String> WRITABLE = Set.of("slug", "name", "url");
    static final Set<String> READ_ONLY = Set.of("articleCount");

    static SourceInput from(BodyFields fields) {
        fields.allow(WRITABLE, READ_ONLY);
        SourceInput input = new SourceInput(fields.slug("slug"), fields.text("name", 200), fields.url("url"));
        fields.check();
        return input;
    }
}
