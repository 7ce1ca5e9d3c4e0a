package io.newsdesk.websub;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import io.newsdesk.problem.ProblemException;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Subscription requests (WebSub 5.1) and the verification of intent (5.3): a request that can be judged at once
 * is refused with a problem (bad mode, topic, callback, lease or secret; too many subscriptions from the client's
 * address: 429); one that is fine is answered 202 and verified on another thread by a GET to the callback with a
 * random challenge, which the callback must echo exactly in a 2xx answer. Only then does a subscription become
 * active (or, for {@code unsubscribe}, end). Leases: {@value #DEFAULT_LEASE} s unless asked, clamped to
 * [{@value #MIN_LEASE}, {@value #MAX_LEASE}] s; the hub's value is the one sent in the verification, and a new
 * subscribe renews the lease. Verifications pending when an instance stops are lost: the subscriber asks again.
 */
@ApplicationScoped
class Hub {

    static final String PATH = "/v1/websub";
    static final long DEFAULT_LEASE = 10L * 24 * 3600;
    static final long MIN_LEASE = 3600;
    static final long MAX_LEASE = 30L * 24 * 3600;
    static final int MAX_SECRET_BYTES = 199;
    private static final Logger LOG = Logger.getLogger(Hub.class);

    /** A request that passed every check, waiting for its verification. */
    record Request(String mode, Topic topic, URI callback, long leaseSeconds, String secret, String client) {}

    private final Topics topics;
    private final Callbacks callbacks;
    private final Subscriptions subscriptions;
    private final int maxPerClient;
    private final java.util.Optional<String> externalHub;
    private final SecureRandom random = new SecureRandom();
    private final ExecutorService verifiers = Executors.newFixedThreadPool(4, body -> {
        Thread thread = new Thread(body, "newsdesk-websub-verify");
        thread.setDaemon(true);
        return thread;
    });

    Hub(Topics topics, Callbacks callbacks, Subscriptions subscriptions, WebSubConfig config) {
        this.topics = topics;
        this.callbacks = callbacks;
        this.subscriptions = subscriptions;
        this.maxPerClient = config.maxSubscriptionsPerClient();
        this.externalHub = config.hub();
    }

    void stop(@Observes ShutdownEvent event) {
        verifiers.shutdownNow();
    }

    /** Judges a request of the hub endpoint (form parameters) and queues its verification; problems otherwise. */
    Request request(Map<String, List<String>> form, URI requestBase, String client) {
        if (externalHub.isPresent()) {
            throw ProblemException.invalidParameter(
                    "hub.mode",
                    "This Newsdesk's feeds use the WebSub hub at " + externalHub.get() + ": send your subscription"
                            + " request there (the feeds' Link rel=\"hub\" names it).");
        }
        String mode = single(form, "hub.mode")
                .orElseThrow(() -> ProblemException.invalidParameter(
                        "hub.mode", "Send 'hub.mode' as 'subscribe' or 'unsubscribe'."));
        if (!mode.equals("subscribe") && !mode.equals("unsubscribe")) {
            throw ProblemException.invalidParameter(
                    "hub.mode",
                    "'hub.mode' is 'subscribe' or 'unsubscribe' here (this hub is told of new content by Newsdesk"
                            + " itself, so 'publish' is not taken).");
        }
        String topicUrl = single(form, "hub.topic")
                .orElseThrow(() -> ProblemException.invalidParameter(
                        "hub.topic", "Send 'hub.topic': the URL of a feed of /v1/articles, e.g. ?format=atom."));
        String callbackUrl = single(form, "hub.callback")
                .orElseThrow(() -> ProblemException.invalidParameter(
                        "hub.callback", "Send 'hub.callback': the http or https URL where your subscriber listens."));
        Topic topic = topics.parse(topicUrl, requestBase);
        URI callback = callbacks.check(callbackUrl);
        long lease = lease(single(form, "hub.lease_seconds"));
        String secret = single(form, "hub.secret").orElse(null);
        if (secret != null && (secret.isEmpty() || secret.getBytes(StandardCharsets.UTF_8).length > MAX_SECRET_BYTES)) {
            throw ProblemException.invalidParameter(
                    "hub.secret",
                    "'hub.secret' must be 1 to " + MAX_SECRET_BYTES + " bytes (fewer than 200, as WebSub requires);"
                            + " leave it out for unsigned deliveries.");
        }
        if (mode.equals("subscribe")) {
            topics.checkExists(topic);
            if (subscriptions.heldBy(client, callback.toString(), topic.key()) >= maxPerClient) {
                throw ProblemException.tooManyRequests(
                        "This address already holds " + maxPerClient + " WebSub subscriptions, the most one client"
                                + " may hold. Unsubscribe from topics you no longer need (or subscribe to a wider"
                                + " feed), then retry.",
                        60);
            }
        }
        Request request = new Request(mode, topic, callback, lease, secret, client);
        verifiers.execute(() -> verify(request));
        return request;
    }

    private static long lease(Optional<String> value) {
        if (value.isEmpty() || value.get().isBlank()) {
            return DEFAULT_LEASE;
        }
        String text = value.get().strip();
        if (!text.matches("[0-9]{1,12}")) {
            throw ProblemException.invalidParameter(
                    "hub.lease_seconds",
                    "'hub.lease_seconds' is a whole number of seconds (this hub grants " + MIN_LEASE + " to "
                            + MAX_LEASE + "; leave it out for " + DEFAULT_LEASE + ").");
        }
        return Math.max(MIN_LEASE, Math.min(MAX_LEASE, Long.parseLong(text)));
    }

    /** The verification of intent: GET the callback with a challenge; acts only on an exact echo in a 2xx. */
    void verify(Request request) {
        String challenge = HexFormat.of().formatHex(bytes(24));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("hub.mode", request.mode());
        params.put("hub.topic", request.topic().url());
        params.put("hub.challenge", challenge);
        if (request.mode().equals("subscribe")) {
            params.put("hub.lease_seconds", Long.toString(request.leaseSeconds()));
        }
        URI uri = withQuery(request.callback(), params);
        try {
            HttpResponse<String> answer =
                    callbacks.send(HttpRequest.newBuilder().GET(), uri);
            boolean confirmed = answer.statusCode() / 100 == 2 && challenge.equals(answer.body());
            if (!confirmed) {
                LOG.infof(
                        "WebSub %s of %s for %s not verified: the callback answered %d without the challenge",
                        request.mode(), request.callback(), request.topic().url(), answer.statusCode());
                return;
            }
            if (request.mode().equals("subscribe")) {
                subscriptions.activate(
                        request.topic(),
                        request.callback().toString(),
                        request.secret(),
                        request.client(),
                        Instant.now().plus(Duration.ofSeconds(request.leaseSeconds())));
            } else {
                subscriptions.remove(
                        request.callback().toString(), request.topic().key());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.infof(
                    "WebSub %s of %s for %s not verified: %s",
                    request.mode(), request.callback(), request.topic().url(), e.toString());
        }
    }

    /** Tells a subscriber its subscription was refused or ended ({@code hub.mode=denied}, WebSub 5.2). */
    void deny(String callback, String topic, String reason) {
        verifiers.execute(() -> {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("hub.mode", "denied");
            params.put("hub.topic", topic);
            params.put("hub.reason", reason);
            try {
                callbacks.send(HttpRequest.newBuilder().GET(), withQuery(URI.create(callback), params));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.infof("WebSub denial to %s failed: %s", callback, e.toString());
            }
        });
    }

    private byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The callback with these parameters added to its own query (WebSub 5.3: the callback keeps its query). */
    static URI withQuery(URI callback, Map<String, String> params) {
        String added = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String text = callback.toString();
        int hash = text.indexOf('#');
        if (hash >= 0) {
            text = text.substring(0, hash);
        }
        return URI.create(text + (callback.getRawQuery() == null ? "?" : "&") + added);
    }

    private static Optional<String> single(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw ProblemException.invalidParameter(
                    name, "Give '" + name + "' once; it was given " + values.size() + " times.");
        }
        return Optional.of(values.get(0));
    }
}
