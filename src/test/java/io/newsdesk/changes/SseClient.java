package io.newsdesk.changes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Server-Sent Events client written to the HTML Living Standard's event stream interpretation (§9.2.6): lines
 * end in LF, CR LF or CR; a line starting with a colon is a comment; {@code field: value} with one leading space
 * stripped; {@code data} lines join with LF; {@code id} sets the last event ID (not if it holds NUL); an empty
 * line dispatches the event (type {@code message} unless {@code event} named one); an event without data is not
 * dispatched. Reads on its own thread into a queue; {@link #close} drops the connection as a client that leaves.
 */
final class SseClient implements AutoCloseable {

    record Event(String id, String type, String data) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<String> comments = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final HttpResponse<InputStream> response;
    private final Thread reader;
    private volatile String lastEventId = "";

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        // only a stream is read as events; any other answer (a problem) stays for body()
        if (response.statusCode() == 200) {
            reader.start();
        }
    }

    /** Opens the stream; {@code lastEventId} (or null) is sent as Last-Event-ID, as EventSource does on reconnect. */
    static SseClient open(String url, String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response =
                HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        return new SseClient(response);
    }

    /** Status and headers of the answer, and its body when it is not a stream (a problem). */
    HttpResponse<InputStream> response() {
        return response;
    }

    String body() throws IOException {
        return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
    }

    String lastEventId() {
        return lastEventId;
    }

    List<String> comments() {
        return comments;
    }

    /** The next event, or null after {@code seconds}. */
    Event next(double seconds) throws InterruptedException {
        return events.poll((long) (seconds * 1000), TimeUnit.MILLISECONDS);
    }

    /** Every event that arrives within {@code seconds}. */
    List<Event> drain(double seconds) throws InterruptedException {
        List<Event> all = new ArrayList<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (true) {
            long left = end - System.nanoTime();
            Event event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
            if (event == null) {
                return all;
            }
            all.add(event);
        }
    }

    private void read() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            StringBuilder data = new StringBuilder();
            boolean hasData = false;
            String type = "";
            String line;
            while ((line = lines.readLine()) != null) { // readLine splits on LF, CR LF and CR alike
                if (line.isEmpty()) {
                    if (hasData) {
                        events.add(new Event(lastEventId, type.isEmpty() ? "message" : type, data.toString()));
                    }
                    data.setLength(0);
                    hasData = false;
                    type = "";
                    continue;
                }
                if (line.startsWith(":")) {
                    comments.add(line.substring(1).strip());
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "event" -> type = value;
                    case "data" -> {
                        if (hasData) {
                            data.append('\n');
                        }
                        data.append(value);
                        hasData = true;
                    }
                    case "id" -> {
                        if (value.indexOf('\0') < 0) {
                            lastEventId = value;
                        }
                    }
                    default -> {
                        // "retry" and unknown fields: nothing to do here
                    }
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        response.body().close();
        reader.interrupt();
    }
}
