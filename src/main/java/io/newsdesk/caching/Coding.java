package io.newsdesk.caching;

/**
 * The content codings Newsdesk sends (RFC 9110 §8.4.1), in the order it prefers them when a client rates several
 * equally. A coded representation is another variant of the same resource, with a strong ETag of its own: the
 * identity tag with the coding's name inside the quotes ({@code "abc"}, {@code "abc-gzip"}, {@code "abc-br"}).
 */
enum Coding {
    BR("br"),
    GZIP("gzip"),
    IDENTITY("identity");

    private final String token;

    Coding(String token) {
        this.token = token;
    }

    /** The name in Accept-Encoding and Content-Encoding. */
    String token() {
        return token;
    }

    /** This coding's ETag of the representation whose identity ETag is {@code etag} (quoted, strong). */
    String tag(String etag) {
        return this == IDENTITY ? etag : etag.substring(0, etag.length() - 1) + '-' + token + '"';
    }

    /**
     * The identity tag a coded variant's tag names ({@code "abc-gzip"} → {@code "abc"}), or null when {@code tag}
     * has no coding suffix.
     */
    static String identityOf(String tag) {
        for (Coding coding : values()) {
            String suffix = '-' + coding.token + '"';
            if (coding != IDENTITY && tag.length() > suffix.length() + 1 && tag.endsWith(suffix)) {
                return tag.substring(0, tag.length() - suffix.length()) + '"';
            }
        }
        return null;
    }

    /** Whether If-None-Match names the representation tagged {@code etag} in any coding (weak comparison). */
    static boolean anyNamed(String ifNoneMatch, String etag) {
        return ifNoneMatch.strip().equals("*") || firstNamed(ifNoneMatch, etag) != null;
    }

    /** The first tag in If-None-Match that names the representation tagged {@code etag} in some coding, or null. */
    static String firstNamed(String ifNoneMatch, String etag) {
        for (String named : EntityTags.parse(ifNoneMatch)) {
            String opaque = EntityTags.opaque(named);
            for (Coding coding : values()) {
                if (opaque.equals(coding.tag(etag))) {
                    return opaque;
                }
            }
        }
        return null;
    }
}
