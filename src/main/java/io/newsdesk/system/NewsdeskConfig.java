package io.newsdesk.system;

import java.time.ZoneId;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** Settings that several features read: the newsroom's time zone and language, and the HTTP input limits. */
@ConfigMapping(prefix = "newsdesk")
public interface NewsdeskConfig {

    /** Zone of {@code date}, plain dates in {@code from}/{@code to}, {@code /v1/dates} and rendered timestamps. */
    @WithDefault("UTC")
    @WithConverter(TimeZoneConverter.class)
    ZoneId timeZone();

    /**
     * The newsroom's language as a BCP 47 tag ({@code en}, {@code de}, {@code pt-BR}): feeds' channel language,
     * the HTML pages' {@code lang}.
     */
    @WithDefault("en")
    @WithConverter(LanguageConverter.class)
    String language();

    /**
     * The public base URL of this API ({@code https://api.news.example}), fixed whatever host a client used: feed
     * GUIDs, Atom ids and JSON Feed ids derive from it ({@code <public-url>/v1/articles/42}). Unset, they are
     * {@code urn:newsdesk:...} URNs. Either way they never change with the request's host.
     */
    @WithConverter(PublicUrlConverter.class)
    Optional<String> publicUrl();

    Site site();

    /** The newsroom's own web site, where people read articles. */
    interface Site {
        /**
         * A template of an article's page on the newsroom's site ({@code https://news.example.com/{category}/
         * {slug}-{id}}): when set, an article's {@code url} and the feeds' item links use it; unset, they are this
         * API's own article URL.
         */
        @WithConverter(ArticleUrlTemplateConverter.class)
        Optional<String> articleUrl();
    }

    Http http();

    Cursor cursor();

    interface Cursor {
        /**
         * Signs paging cursors; the same on every instance so that cursors survive restarts and balancers. Unset:
         * one generated on first start and kept in the database ({@link SharedSecrets}).
         */
        Optional<String> secret();
    }

    interface Http {
        @WithDefault("1048576")
        @Min(1) long maxBodyBytes();

        @WithDefault("8192")
        @Min(64) int maxUriLength();

        /** Seconds in the Retry-After of a 503 answered while the database cannot be reached. */
        @WithDefault("5")
        @Min(1) int retryAfter();
        /** Request headers, names and values together, counted as {@code name: value} lines; more is a 431. */
        @WithDefault("20480")
        @Min(1024) int maxHeaderBytes();
    }
}
