package io.newsdesk.changes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsdesk.article.ArticleView;
import io.newsdesk.article.Change;
import io.newsdesk.article.ChangeFilter;
import io.newsdesk.article.ChangeLog;
import io.newsdesk.links.Links;
import io.newsdesk.problem.ProblemException;
import io.newsdesk.system.Daemons;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * The open change streams of this instance and the one thread that feeds them: as soon as this instance has
 * numbered changes, and every {@value #TICK_MILLIS} ms for those numbered by another instance, it
 * reads the numbered changes after the oldest position of any stream (one query for all of them), and sends each
 * stream the events after its own position that concern its selection, in order, each with its number as the SSE
 * {@code id}. A heartbeat comment goes to every stream every {@code newsdesk.changes.heartbeat}, which also finds
 * streams whose clients left. A client address may hold {@code newsdesk.changes.max-streams-per-client} streams.
 */
@ApplicationScoped
class ChangeStreams {

    private static final Logger LOG = Logger.getLogger(ChangeStreams.class);
    static final long TICK_MILLIS = 200;
    private static final int READ = 1_000;

    /** One open stream: its selection, its links (the host it was opened at), and the last number it has. */
    private static final class Stream {
        final SseEventSink sink;
        final Sse sse;
        final ChangeFilter.Matcher matcher;
        final Links links;
        final String client;
        volatile long last;

        Stream(SseEventSink sink, Sse sse, ChangeFilter.Matcher matcher, Links links, String client, long last) {
            this.sink = sink;
            this.sse = sse;
            this.matcher = matcher;
            this.links = links;
            this.client = client;
            this.last = last;
        }
    }

    private final ChangeLog log;
    private final ChangeService service;
    private final ObjectMapper json;
    private final int maxPerClient;
    private final Duration heartbeat;
    private final List<Stream> streams = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> perClient = new ConcurrentHashMap<>();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    ChangeStreams(ChangeLog log, ChangeService service, ObjectMapper json, StreamConfig config) {
        this.log = log;
        this.service = service;
        this.json = json;
        this.maxPerClient = config.maxStreamsPerClient();
        this.heartbeat = config.heartbeat();
    }

    // last of the start-up observers: a start-up check that fails (and so never sees a shutdown) leaves no thread
    void start(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
        running = true;
        log.onNumbered(wake::release);
        thread = Daemons.start("newsdesk-change-streams", this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        streams.forEach(stream -> close(stream));
    }

    /**
     * Opens a stream after {@code lastEventId} (a resume) or after the newest change (a new client): 429 when the
     * client holds too many. A resume from a number the log no longer keeps first gets a {@code reload} event.
     */
    void open(SseEventSink sink, Sse sse, ChangeFilter.Matcher matcher, Links links, String client, Long lastEventId) {
        boolean admitted = perClient.merge(client, 1, Integer::sum) <= maxPerClient;
        if (!admitted) {
            release(client);
            throw ProblemException.tooManyRequests(
                    "This address already holds " + maxPerClient + " open change streams, the most one client may"
                            + " hold. Close one (or read several selections through one stream without filters),"
                            + " then retry.",
                    5);
        }
        boolean opened = false;
        try {
            opened = begin(sink, sse, matcher, links, client, lastEventId);
        } finally {
            if (!opened) {
                release(client);
            }
        }
    }

    private boolean begin(
            SseEventSink sink, Sse sse, ChangeFilter.Matcher matcher, Links links, String client, Long lastEventId) {
        ChangeLog.Position position = log.position();
        long start = lastEventId == null ? position.last() : lastEventId;
        Stream stream = new Stream(sink, sse, matcher, links, client, start);
        send(
                stream,
                sse.newEventBuilder()
                        .comment("newsdesk change stream")
                        .reconnectDelay(2_000)
                        .build());
        if (lastEventId != null && lastEventId < position.prunedThrough()) {
            stream.last = position.last();
            send(
                    stream,
                    sse.newEventBuilder()
                            .name("reload")
                            .id(Long.toString(position.last()))
                            .mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data(
                                    String.class,
                                    "{\"reason\":\"The changes after " + lastEventId + " are older than the log"
                                            + " keeps: read the selection again; this stream goes on from here.\",\"last\":"
                                            + position.last() + "}")
                            .build());
        }
        streams.add(stream);
        return true;
    }

    private void run() {
        long beat = System.nanoTime();
        while (running) {
            try {
                wake.tryAcquire(TICK_MILLIS, TimeUnit.MILLISECONDS); // at once when this instance numbered some
                wake.drainPermits();
                streams.removeIf(stream -> stream.sink.isClosed() && forget(stream));
                if (!streams.isEmpty()) {
                    feed();
                }
                if (System.nanoTime() - beat > heartbeat.toNanos()) {
                    beat = System.nanoTime();
                    for (Stream stream : streams) {
                        send(
                                stream,
                                stream.sse
                                        .newEventBuilder()
                                        .comment("heartbeat")
                                        .build());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warnf("feeding change streams failed, retrying: %s", e.toString());
                }
            }
        }
    }

    /**
     * One round: one read per position that some streams share (live streams all share the newest one, so that is
     * one read; a stream resuming from far back reads on its own and holds up nobody), then each stream gets the
     * events of its selection, its position moving with every event sent.
     */
    private void feed() {
        Map<Long, List<Stream>> byPosition = new TreeMap<>();
        for (Stream stream : streams) {
            byPosition.computeIfAbsent(stream.last, last -> new ArrayList<>()).add(stream);
        }
        Map<String, Map<Long, Optional<ArticleView>>> views = new HashMap<>();
        byPosition.forEach((position, group) -> {
            List<Change> changes = log.after(position, READ);
            if (changes.isEmpty()) {
                return;
            }
            for (Stream stream : group) {
                try {
                    feed(stream, changes, views);
                } catch (RuntimeException e) {
                    LOG.warnf("a change stream failed and is closed: %s", e.toString());
                    close(stream);
                }
            }
        });
    }

    private void feed(Stream stream, List<Change> changes, Map<String, Map<Long, Optional<ArticleView>>> views) {
        Map<Long, Optional<ArticleView>> shared =
                views.computeIfAbsent(stream.links.base().toString(), base -> new HashMap<>());
        for (ChangeEvent event : service.events(changes, stream.matcher, stream.links, shared)) {
            send(
                    stream,
                    stream.sse
                            .newEventBuilder()
                            .id(Long.toString(event.id()))
                            .name(event.type())
                            .mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data(String.class, text(event))
                            .build());
            stream.last = event.id();
        }
        stream.last = changes.get(changes.size() - 1).seq();
    }

    private String text(ChangeEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a change event did not serialize", e);
        }
    }

    private void send(Stream stream, OutboundSseEvent event) {
        if (stream.sink.isClosed()) {
            return;
        }
        stream.sink.send(event).exceptionally(failure -> {
            close(stream);
            return null;
        });
    }

    private void close(Stream stream) {
        try {
            stream.sink.close();
        } catch (RuntimeException e) {
            // already gone
        }
    }

    /** Counts a closed stream out of its client's allowance; true so that removeIf drops it. */
    private boolean forget(Stream stream) {
        release(stream.client);
        return true;
    }

    /** One stream fewer for this client; a client with none is forgotten (the map holds open clients only). */
    private void release(String client) {
        perClient.computeIfPresent(client, (c, open) -> open <= 1 ? null : open - 1);
    }
}
