package io.newsdesk.websub;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsdesk.format.Rendered;
import io.newsdesk.system.Daemons;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Content distribution (WebSub 7 and 8): one thread per instance plans deliveries ({@link DeliveryPlanner}) and
 * claims due ones ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL, with a lease of
 * {@code newsdesk.websub.claim-lease}: a delivery claimed by a worker that died is due again after it), then posts
 * each subscriber the topic's document as it is now: the feed's Content-Type, {@code Link: <hub>; rel="hub",
 * <topic>; rel="self"}, with a secret {@code X-Hub-Signature: sha256=<hex HMAC-SHA256 of the body>}, and
 * {@code X-Newsdesk-Delivery} (the delivery's number, the same on a retry) and {@code X-Newsdesk-Changes} (the
 * first and last change-log numbers it answers). A 2xx ends the delivery; anything else (another status, a
 * timeout, a refused connection, a callback now resolving to a private address) is retried after
 * {@code retry-base}, doubling each time, until {@code retry-for} has passed since the delivery was owed; then it
 * is dropped with a log line and the metric {@code newsdesk.websub.deliveries{result=dropped}}.
 */
@ApplicationScoped
class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);
    static final long TICK_MILLIS = 200;
    private static final int CLAIM = 128;

    /** A claimed delivery with what it needs to be sent. */
    record Claimed(
            long id,
            long subscription,
            long firstSeq,
            long lastSeq,
            int attempts,
            Instant createdAt,
            String topic,
            String callback,
            String secret) {}

    private final DeliveryPlanner planner;
    private final Hub hub;
    private final Topics topics;
    private final TopicDocuments documents;
    private final Callbacks callbacks;
    private final DeliveryRows rows;
    private final Duration retryBase;
    private final Duration retryFor;
    private final Counter delivered;
    private final Counter failed;
    private final Counter dropped;
    private final Optional<URI> externalHub;
    private final ExecutorService senders = Executors.newFixedThreadPool(16, body -> {
        Thread thread = new Thread(body, "newsdesk-websub-send");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;
    private Thread thread;

    Deliveries(
            DeliveryPlanner planner,
            Hub hub,
            Topics topics,
            TopicDocuments documents,
            Callbacks callbacks,
            DeliveryRows rows,
            WebSubConfig config,
            MeterRegistry registry) {
        this.planner = planner;
        this.hub = hub;
        this.topics = topics;
        this.documents = documents;
        this.callbacks = callbacks;
        this.rows = rows;
        this.retryBase = config.retryBase();
        this.retryFor = config.retryFor();
        this.externalHub = config.hub().map(URI::create);
        this.delivered = counter(registry, "delivered");
        this.failed = counter(registry, "failed");
        this.dropped = counter(registry, "dropped");
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder("newsdesk.websub.deliveries")
                .description("WebSub content deliveries: delivered, failed (retried later), dropped after retries")
                .tag("result", result)
                .register(registry);
    }

    // last of the start-up observers: a start-up check that fails (and so never sees a shutdown) leaves no thread
    void start(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
        running = true;
        thread = Daemons.start("newsdesk-websub", this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        senders.shutdownNow();
    }

    private void run() {
        while (running) {
            if (!Daemons.pause(TICK_MILLIS)) {
                return;
            }
            try {
                DeliveryPlanner.Plan plan = planner.plan();
                if (plan != null) {
                    plan.denials().forEach(d -> hub.deny(d.callback(), d.topic(), d.reason()));
                    plan.pings().forEach(this::ping);
                }
                if (externalHub.isPresent()) {
                    continue;
                }
                List<Claimed> claimed;
                do {
                    claimed = rows.claim(CLAIM);
                    List<Future<?>> sending = new ArrayList<>();
                    for (Claimed delivery : claimed) {
                        sending.add(senders.submit(() -> send(delivery)));
                    }
                    for (Future<?> future : sending) {
                        future.get();
                    }
                } while (running && claimed.size() == CLAIM);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("WebSub deliveries failed, retrying in a second: %s", e.toString());
                    Daemons.pause(1_000); // the database away: do not spin
                }
            }
        }
    }

    /** Renders and posts one delivery, then ends it, schedules its retry, or drops it. */
    void send(Claimed delivery) {
        String outcome;
        try {
            Topic topic = topics.stored(delivery.topic());
            Rendered document = documents.render(topic, delivery.lastSeq());
            HttpRequest.Builder request = HttpRequest.newBuilder()
                    .POST(HttpRequest.BodyPublishers.ofByteArray(document.body()))
                    .header("Content-Type", document.mediaType().toString())
                    .header(
                            "Link",
                            "<" + documents.hub(topic.base()) + ">; rel=\"hub\", <" + topic.url() + ">; rel=\"self\"")
                    .header("X-Newsdesk-Delivery", Long.toString(delivery.id()))
                    .header("X-Newsdesk-Changes", delivery.firstSeq() + "-" + delivery.lastSeq());
            if (delivery.secret() != null) {
                request.header("X-Hub-Signature", "sha256=" + hmac(delivery.secret(), document.body()));
            }
            HttpResponse<String> answer = callbacks.send(request, URI.create(delivery.callback()));
            if (answer.statusCode() / 100 == 2) {
                rows.done(delivery.id());
                delivered.increment();
                return;
            }
            outcome = "status " + answer.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // the claim lapses; another round sends it
        } catch (Exception e) {
            outcome = e.toString();
        }
        Instant now = Instant.now();
        if (now.isAfter(delivery.createdAt().plus(retryFor))) {
            rows.done(delivery.id());
            dropped.increment();
            LOG.warnf(
                    "WebSub delivery %d of %s to %s dropped after %d attempts over %s: %s",
                    delivery.id(), delivery.topic(), delivery.callback(), delivery.attempts() + 1, retryFor, outcome);
            return;
        }
        failed.increment();
        long factor = 1L << Math.min(delivery.attempts(), 20);
        rows.retry(delivery, now.plus(retryBase.multipliedBy(factor)));
        LOG.infof("WebSub delivery %d to %s failed (%s), retried later", delivery.id(), delivery.callback(), outcome);
    }

    /**
     * Tells the external hub that a topic changed ({@code hub.mode=publish&hub.url=<topic>}, the de-facto publish
     * ping); a failure is logged, not retried (the hub fetches the topic on the next change anyway).
     */
    private void ping(String topic) {
        String form = "hub.mode=publish&hub.url=" + URLEncoder.encode(topic, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> answer = callbacks.sendTrusted(
                    HttpRequest.newBuilder()
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)),
                    externalHub.get());
            if (answer.statusCode() / 100 != 2) {
                LOG.infof("WebSub ping of %s for %s answered %d", externalHub.get(), topic, answer.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.infof("WebSub ping of %s for %s failed: %s", externalHub.get(), topic, e.toString());
        }
    }

    static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing", e);
        }
    }
}
