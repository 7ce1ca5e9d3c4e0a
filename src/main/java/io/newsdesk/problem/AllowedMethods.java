package io.newsdesk.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The methods each path of the API accepts, for the {@code Allow} header of a 405 (the framework's
 * exception does not carry them). Kept next to the resources' paths in openapi.yaml.
 */
final class AllowedMethods {

    private static final Map<Pattern, String> PATHS = new LinkedHashMap<>();

    static {
        PATHS.put(Pattern.compile("/v1/articles/?"), "GET, HEAD, POST");
        PATHS.put(Pattern.compile("/v1/articles/[^/]+/views/?"), "POST");
        PATHS.put(Pattern.compile("/v1/articles/[^/]+/?"), "GET, HEAD, PUT, DELETE");
        PATHS.put(Pattern.compile("/v1/(categories|sources)/?"), "GET, HEAD, POST");
        PATHS.put(Pattern.compile("/v1/(categories|sources)/[^/]+/?"), "GET, HEAD, PUT, DELETE");
        PATHS.put(Pattern.compile("/v1/dates/?"), "GET, HEAD");
    }

    private AllowedMethods() {}

    static String forPath(String path) {
        return PATHS.entrySet().stream()
                .filter(e -> e.getKey().matcher(path).matches())
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("GET, HEAD");
    }
}
