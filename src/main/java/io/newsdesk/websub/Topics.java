package io.newsdesk.websub;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.newsdesk.article.ChangeFilter;
import io.newsdesk.problem.ProblemException;
import io.newsdesk.selection.Selection;
import io.newsdesk.selection.SelectionParser;
import io.newsdesk.system.NewsdeskConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Which URLs are topics, and when two are the same topic. A topic is a feed of this API's {@code /v1/articles}
 * with {@code format} {@code rss}, {@code atom} or {@code jsonfeed} and any selection parameters (no
 * {@code cursor}: a topic is a feed's first page), named at this API's public URL ({@code newsdesk.public-url}) or
 * at the scheme, host and port the subscriber used to reach the hub. Two topic URLs are one topic when they select
 * the same feed: the key is the format and the validated selection (categories and sources as sets, the time window
 * as instants, the text query in its canonical form, sort and limit with their defaults filled in), so parameter order, repeated values'
 * order, default values, host case, default ports and {@code date} against the equal {@code from}/{@code to} make
 * no difference.
 */
@ApplicationScoped
class Topics {

    static final Set<String> FORMATS = Set.of("rss", "atom", "jsonfeed");
    private static final Set<String> PARAMETERS =
            Set.of("category", "source", "date", "from", "to", "q", "sort", "limit", "format");

    private final SelectionParser parser;
    private final ChangeFilter filters;
    private final Optional<URI> publicBase;

    Topics(SelectionParser parser, ChangeFilter filters, NewsdeskConfig config) {
        this.parser = parser;
        this.filters = filters;
        this.publicBase = config.publicUrl().map(url -> URI.create(url.endsWith("/") ? url : url + "/"));
    }

    /** The topic named by {@code url} as the hub reached at {@code requestBase} sees it; a 400 problem otherwise. */
    Topic parse(String url, URI requestBase) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (Exception e) {
            throw refused("'hub.topic' is not a URL.");
        }
        URI base = matchingBase(uri, requestBase)
                .orElseThrow(() -> refused("'hub.topic' must be a feed of this API: " + articles(requestBase)
                        + "?format=atom (or rss, jsonfeed) with any selection parameters"
                        + publicBase.map(b -> ", or the same at " + b).orElse("") + "."));
        Map<String, List<String>> params = query(uri.getRawQuery());
        for (String name : params.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw refused("'hub.topic' has the parameter '" + name + "', which no feed takes: a topic takes "
                        + String.join(", ", new java.util.TreeSet<>(PARAMETERS)) + ".");
            }
        }
        List<String> formats = params.getOrDefault("format", List.of());
        if (formats.size() != 1 || !FORMATS.contains(formats.get(0))) {
            throw refused("'hub.topic' must name one feed format: add format=rss, format=atom or format=jsonfeed.");
        }
        Selection selection;
        try {
            selection = parser.articles(params);
        } catch (ProblemException e) {
            throw refused("'hub.topic' is not a valid selection: "
                    + Optional.ofNullable(e.problem().detail()).orElse("check its parameters against /v1/articles."));
        }
        return new Topic(url.strip(), base, selection, formats.get(0), key(base, selection, formats.get(0)));
    }

    /** A topic stored earlier, named at whatever base it was accepted under. */
    Topic stored(String url) {
        URI uri = URI.create(url);
        URI base = uri.resolve(uri.getRawPath().substring(0, uri.getRawPath().length() - "v1/articles".length()));
        return parse(url, base);
    }

    /** Checks that the topic's categories and sources exist (a 400 problem otherwise). */
    @Transactional
    void checkExists(Topic topic) {
        try {
            filters.matcher(topic.selection());
        } catch (ProblemException e) {
            throw refused("'hub.topic' selects what does not exist: "
                    + Optional.ofNullable(e.problem().detail()).orElse("check its category and source slugs."));
        }
    }

    private Optional<URI> matchingBase(URI uri, URI requestBase) {
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawFragment() != null) {
            return Optional.empty();
        }
        for (URI base : publicBase.isPresent() ? List.of(publicBase.get(), requestBase) : List.of(requestBase)) {
            if (origin(base).equals(origin(uri)) && uri.getPath().equals(base.getPath() + "v1/articles")) {
                return Optional.of(base);
            }
        }
        return Optional.empty();
    }

    /** Scheme, lower-case host and port (the scheme's default filled in). */
    static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    private static String key(URI base, Selection selection, String format) {
        return origin(base) + base.getPath() + "v1/articles|" + format + "|" + String.join(",", selection.categories())
                + "|" + String.join(",", selection.sources()) + "|"
                + selection.from().map(Object::toString).orElse("")
                + "|" + selection.to().map(Object::toString).orElse("") + "|"
                + selection.search().text()
                + "|" + selection.sort().param() + "|" + selection.limit();
    }

    private static String articles(URI base) {
        return base + "v1/articles";
    }

    static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw refused("'hub.topic' has a malformed %-escape in its query.");
        }
    }

    private static ProblemException refused(String detail) {
        return ProblemException.invalidParameter("hub.topic", detail);
    }
}
