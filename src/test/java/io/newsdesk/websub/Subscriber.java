package io.newsdesk.websub;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A WebSub subscriber as the specification describes one, on 127.0.0.1 at a random port: it answers verification
 * requests (echoing the challenge when it wants the subscription, checking the mode and topic it asked for), and
 * takes content distribution requests, checking X-Hub-Signature with its secret. {@code failures} makes it answer
 * 500 to that many deliveries first; {@code echo=false} makes it refuse verification (answers 404).
 */
final class Subscriber implements AutoCloseable {

    /** One verification request the hub made. */
    record Verification(Map<String, String> params, boolean confirmed) {}

    /** One content distribution request: its headers, body, and whether its signature was right. */
    record Delivery(Map<String, List<String>> headers, byte[] body, boolean signed) {
        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    final BlockingQueue<Verification> verifications = new LinkedBlockingQueue<>();
    final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    final AtomicInteger failures = new AtomicInteger();
    final AtomicInteger refusedDeliveries = new AtomicInteger();
    volatile boolean echo = true;
    volatile String expectedTopic;
    private final String secret;
    private final HttpServer server;

    Subscriber(String secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/callback", this::handle);
        server.start();
    }

    String callback() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/callback?who=test";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestMethod().equals("GET")) {
                Map<String, String> params = query(exchange.getRequestURI().getRawQuery());
                boolean wanted = echo
                        && "test".equals(params.get("who"))
                        && (expectedTopic == null || expectedTopic.equals(params.get("hub.topic")))
                        && (!"subscribe".equals(params.get("hub.mode"))
                                || Long.parseLong(params.get("hub.lease_seconds")) > 0);
                verifications.add(new Verification(params, wanted && params.containsKey("hub.challenge")));
                if (wanted && params.containsKey("hub.challenge")) {
                    answer(exchange, 200, params.get("hub.challenge").getBytes(StandardCharsets.UTF_8));
                } else {
                    answer(exchange, 404, new byte[0]);
                }
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                refusedDeliveries.incrementAndGet();
                answer(exchange, 500, new byte[0]);
                return;
            }
            String signature = exchange.getRequestHeaders().getFirst("X-Hub-Signature");
            boolean signed = signature != null
                    && MessageDigest.isEqual(
                            ("sha256=" + Deliveries.hmac(secret, body)).getBytes(StandardCharsets.US_ASCII),
                            signature.getBytes(StandardCharsets.US_ASCII));
            deliveries.add(new Delivery(new HashMap<>(exchange.getRequestHeaders()), body, signed));
            answer(exchange, 204, null);
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body == null || body.length == 0 ? -1 : body.length);
        if (body != null && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    Delivery next(long seconds) throws InterruptedException {
        return deliveries.poll(seconds, TimeUnit.SECONDS);
    }

    Verification verification(long seconds) throws InterruptedException {
        return verifications.poll(seconds, TimeUnit.SECONDS);
    }

    static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                params.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
