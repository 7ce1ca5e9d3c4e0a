package io.newsdesk.problem;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An HTTP/1.1 client on a plain socket, for requests RestAssured and Java's HttpClient refuse to send or rewrite
 * (bad percent-encodings, odd request targets, broken headers and chunks). It writes the bytes as given and reads
 * responses strictly: status line, headers, then a body by Content-Length, by chunks or up to the end of the
 * connection, the way RFC 9112 frames it.
 */
final class RawHttp implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One response; {@code complete} is false when the connection ended inside its body. */
    record Response(int status, String statusLine, Map<String, List<String>> headers, byte[] body, boolean complete) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        boolean closes() {
            String connection = header("connection");
            return connection != null && connection.toLowerCase(Locale.ROOT).contains("close")
                    || statusLine.startsWith("HTTP/1.0")
                            && (connection == null
                                    || !connection.toLowerCase(Locale.ROOT).contains("keep-alive"));
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String text = bodyText();
            return statusLine + " " + headers + " " + (text.length() > 500 ? text.substring(0, 500) + "…" : text);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(int port, int timeoutMillis) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("localhost", port), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 65_536);
        out = socket.getOutputStream();
    }

    /** Writes the bytes; false when the server has closed the connection meanwhile (it may have answered first). */
    boolean send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Tells the server nothing more comes (a half-close). */
    void endOutput() {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            // already closed by the server
        }
    }

    /**
     * The next final response (interim 1xx answers are skipped), or null when the connection ends before a status
     * line. A timeout is thrown as {@link SocketTimeoutException}.
     */
    Response read(boolean head) throws IOException {
        while (true) {
            String statusLine;
            try {
                statusLine = line();
            } catch (EOFException | SocketException e) {
                return null;
            }
            if (statusLine == null) {
                return null;
            }
            if (!statusLine.matches("HTTP/1\\.[01] \\d{3}( .*)?")) {
                throw new IOException("not a status line: " + printable(statusLine));
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String line = line(); !line.isEmpty(); line = line()) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new IOException("not a header line: " + printable(line));
                }
                headers.computeIfAbsent(
                                line.substring(0, colon).strip().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                        .add(line.substring(colon + 1).strip());
            }
            if (status >= 100 && status < 200 && status != 101) {
                continue;
            }
            return body(status, statusLine, headers, head);
        }
    }

    private Response body(int status, String statusLine, Map<String, List<String>> headers, boolean head)
            throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (head || status == 204 || status == 304 || status == 101) {
            return new Response(status, statusLine, headers, new byte[0], true);
        }
        List<String> encoding = headers.get("transfer-encoding");
        List<String> length = headers.get("content-length");
        try {
            if (encoding != null
                    && String.join(",", encoding).toLowerCase(Locale.ROOT).contains("chunked")) {
                while (true) {
                    String size = line();
                    int semicolon = size.indexOf(';');
                    int chunk = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
                    if (chunk == 0) {
                        while (!line().isEmpty()) {
                            // trailers
                        }
                        break;
                    }
                    body.write(in.readNBytes(chunk));
                    if (!line().isEmpty()) {
                        throw new IOException("chunk not followed by CRLF");
                    }
                }
            } else if (length != null) {
                if (length.size() != 1) {
                    throw new IOException("several Content-Length headers: " + length);
                }
                int expected = Integer.parseInt(length.get(0));
                byte[] bytes = in.readNBytes(expected);
                body.write(bytes);
                if (bytes.length < expected) {
                    return new Response(status, statusLine, headers, body.toByteArray(), false);
                }
            } else {
                body.write(in.readAllBytes());
            }
        } catch (EOFException | SocketException e) {
            return new Response(status, statusLine, headers, body.toByteArray(), false);
        }
        return new Response(status, statusLine, headers, body.toByteArray(), true);
    }

    /** A line up to CRLF, without it; null at the end of the stream before any byte. */
    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.size() == 0) {
                    return null;
                }
                throw new EOFException("connection ended inside a line");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            if (line.size() > 100_000) {
                throw new IOException("line too long");
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    /**
     * Why the response is not a proper problem for its status, or null when it is: application/problem+json, a
     * JSON object whose {@code status} is the HTTP status, with a {@code type}, a {@code title} and a non-empty
     * {@code detail}. A HEAD response has no body, so only its media type is checked.
     */
    static String problemViolation(Response response, boolean head) {
        String type = response.header("content-type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            return "Content-Type is " + type + ", not application/problem+json";
        }
        if (head) {
            return null;
        }
        if (!response.complete()) {
            return "the body ended early";
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            return "the body is not JSON: " + e.getMessage();
        }
        if (body == null || !body.isObject()) {
            return "the body is not a JSON object";
        }
        if (!body.path("status").isInt() || body.get("status").intValue() != response.status()) {
            return "its status " + body.get("status") + " is not the HTTP status " + response.status();
        }
        if (!body.path("detail").isTextual() || body.get("detail").textValue().isBlank()) {
            return "it has no detail";
        }
        if (!body.path("type").isTextual() || !body.path("title").isTextual()) {
            return "it has no type or title";
        }
        return null;
    }

    /** Bytes as text to print: printable ASCII as is, everything else escaped; long runs shortened. */
    static String printable(byte[] bytes, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            if (out.length() > max) {
                out.append("… (").append(bytes.length).append(" bytes)");
                break;
            }
            int b = bytes[i] & 0xff;
            if (b == '\r') {
                out.append("\\r");
            } else if (b == '\n') {
                out.append("\\n");
            } else if (b == '\\') {
                out.append("\\\\");
            } else if (b >= 0x20 && b < 0x7f) {
                out.append((char) b);
            } else {
                out.append(String.format("\\x%02x", b));
            }
        }
        return out.toString();
    }

    static String printable(String text) {
        return printable(text.getBytes(StandardCharsets.ISO_8859_1), 300);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
