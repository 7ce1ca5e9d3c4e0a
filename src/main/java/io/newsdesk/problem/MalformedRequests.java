package io.newsdesk.problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.netty.handler.codec.http.ContentLengthNotAllowedException;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.codec.http.TransferEncodingNotAllowedException;

/**
 * What to answer a request the HTTP codec could not read: the problem for each reason Netty's decoder gives
 * (request line, headers, lengths), and the check of the request target that Quarkus makes before the router
 * ({@code new URI(target)}, which it answers with a bare 400). Details quote at most a character or a version of
 * the request, made printable: its bytes may be huge or binary, and Netty's own messages quote them whole.
 */
final class MalformedRequests {

    private static final String REQUEST_LINE = "Send a request line such as 'GET /v1/articles HTTP/1.1'.";

    private MalformedRequests() {}

    /** Why a request whose head was read is refused anyway. */
    static final class Refused extends RuntimeException {

        private final transient Problem problem;

        Refused(Problem problem) {
            super(problem.detail(), null, false, false);
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }

    /**
     * The problem of a request the router must not see, or null. The target must pass exactly the check Quarkus
     * makes ({@code java.net.URI}): whatever passes here reaches the router as before.
     */
    static Problem check(HttpVersion version, String target) {
        if (!"HTTP".equals(version.protocolName()) || version.majorVersion() != 1) {
            return bad("The request line names the protocol " + printable(version.text(), 20)
                    + "; Newsdesk speaks HTTP/1.1 and HTTP/1.0. " + REQUEST_LINE);
        }
        String detail = targetProblem(target);
        return detail == null ? null : bad(detail);
    }

    /** Why {@code target} is not a request target Newsdesk can route, or null when it is one. */
    static String targetProblem(String target) {
        if (target == null || target.isEmpty()) {
            return "The request has no target. " + REQUEST_LINE;
        }
        try {
            new URI(target);
            return null;
        } catch (URISyntaxException e) {
            return describe(target, e);
        }
    }

    private static String describe(String target, URISyntaxException e) {
        for (int i = 0; i < target.length(); i++) {
            if (target.charAt(i) == '%' && !(hex(target, i + 1) && hex(target, i + 2))) {
                return "The request target contains '%' not followed by two hexadecimal digits (at character " + (i + 1)
                        + "); percent-encode '%' as %25.";
            }
        }
        if (target.startsWith("//")) {
            return "The request target starts with '//', which names a host, not a path; send a path with a single"
                    + " leading slash, such as /v1/articles.";
        }
        int index = e.getIndex();
        if (index >= 0 && index < target.length()) {
            char c = target.charAt(index);
            if (c < 0x21 || c > 0x7e || "\"<>\\^`{|}[]#".indexOf(c) >= 0) {
                return "The request target contains " + describe(c) + " at character " + (index + 1)
                        + ", which must be percent-encoded"
                        + (c < 0x100 ? " (as " + String.format("%%%02X", (int) c) + ")" : "") + ".";
            }
        }
        return "The request target is not a valid path and query ("
                + e.getReason().toLowerCase(Locale.ROOT)
                + " at character " + (index + 1) + "); percent-encode characters outside letters, digits and"
                + " -._~!$&'()*+,;=:@/?.";
    }

    private static boolean hex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0 && s.charAt(i) < 0x80;
    }

    private static String describe(char c) {
        return c > 0x20 && c < 0x7f ? "'" + c + "'" : String.format("the character U+%04X", (int) c);
    }

    /**
     * The problem for a request head Netty's decoder refused (its {@code DecoderResult} cause), with the limits the
     * detail names: the HTTP layer's line and header limits and Newsdesk's own (which answer first when they can).
     */
    static Problem forDecoderFailure(Throwable cause, Limits limits) {
        if (cause instanceof Refused refused) {
            return refused.problem();
        }
        if (cause instanceof TooLongHttpLineException) {
            return HttpProblems.blank(
                    414,
                    "URI Too Long",
                    "The request line is longer than "
                            + limits.maxInitialLine() + " bytes; the request target may have at most " + limits.maxUri()
                            + " characters. Use fewer or shorter parameters.");
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return HttpProblems.blank(
                    431,
                    "Request Header Fields Too Large",
                    "The request headers are larger than "
                            + limits.maxHeaderSection() + " bytes; at most " + limits.maxHeaders()
                            + " bytes of headers are"
                            + " accepted. Send fewer or shorter headers (large cookies are the usual cause).");
        }
        if (cause instanceof ContentLengthNotAllowedException || cause instanceof TransferEncodingNotAllowedException) {
            return bad("The request has both Content-Length and Transfer-Encoding (or Transfer-Encoding in HTTP/1.0);"
                    + " send a body with exactly one of them.");
        }
        return bad(detail(
                cause == null || cause.getMessage() == null
                        ? ""
                        : cause.getMessage().toLowerCase(Locale.ROOT)));
    }

    /** Netty's reasons, told by the start of its messages (the rest quotes the request, so they are never sent). */
    private static String detail(String message) {
        if (startsWith(
                message,
                "invalid version",
                "text is empty",
                "invalid character in protocolname",
                "unsupported http version")) {
            return "The request line has no valid HTTP version at its end. " + REQUEST_LINE;
        }
        if (startsWith(message, "illegal character in http method", "the http method name")) {
            return "The method is not a token (letters, digits and !#$%&'*+-.^_`|~ only). " + REQUEST_LINE;
        }
        if (startsWith(message, "illegal character in request line")) {
            return "The request line ends with a space or a control character. " + REQUEST_LINE;
        }
        if (startsWith(message, "the uri contain")) {
            return "The request target contains a control character or a space; percent-encode it.";
        }
        if (startsWith(message, "no colon found")) {
            return "A header line has no ':'; send every header as 'Name: value'.";
        }
        if (startsWith(message, "invalid separator")) {
            return "A header has whitespace between its name and ':'; send every header as 'Name: value'.";
        }
        if (startsWith(message, "a header name", "empty headers")) {
            return "A header name is empty or contains a character other than letters, digits and"
                    + " !#$%&'*+-.^_`|~ (no space, also none before the ':').";
        }
        if (startsWith(message, "a header value", "only '\\n' is allowed", "only ' ' and '\\t' are allowed")) {
            return "A header value contains a control character; header values may contain visible characters,"
                    + " spaces and tabs only.";
        }
        if (startsWith(message, "multiple content-length", "content-length")) {
            return "Content-Length must be one non-negative decimal number (several equal values at most).";
        }
        if (startsWith(message, "chunked")) {
            return "Transfer-Encoding must end with 'chunked' when a request has it.";
        }
        return "The request is not valid HTTP/1.1: check the request line ('GET /v1/articles HTTP/1.1'), that every"
                + " header is 'Name: value' and that every line ends with CRLF.";
    }

    private static boolean startsWith(String message, String... prefixes) {
        for (String prefix : prefixes) {
            if (message.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The problem for a chunked body Netty's decoder could not read (a bad chunk size, extension or ending). */
    static Problem malformedChunks() {
        return ProblemException.malformedBody("The chunked request body is malformed: each chunk must be its size in"
                        + " hexadecimal, CRLF, that many bytes and CRLF; the body ends with a chunk of size 0, optional"
                        + " 'Name: value' trailer lines and CRLF.")
                .problem();
    }

    private static Problem bad(String detail) {
        return HttpProblems.blank(400, "Bad Request", detail);
    }

    private static String printable(String text, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            out.append(c > 0x20 && c < 0x7f ? c : '?');
        }
        return "'" + out + (text.length() > max ? "…" : "") + "'";
    }

    /** The limits a detail names. */
    record Limits(int maxInitialLine, int maxHeaderSection, int maxUri, int maxHeaders) {}
}
