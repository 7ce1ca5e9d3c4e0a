package io.newsdesk.websub;

import static io.newsdesk.problem.ProblemAssert.problem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * With {@code newsdesk.websub.hub} set, feeds name that hub, the built-in endpoint sends subscribers there, and every
 * change is pinged to it ({@code hub.mode=publish}, {@code hub.url}) for the feeds of everything, of the article's
 * category and of its source, in each format, at the public URL.
 */
@QuarkusTest
@TestProfile(ExternalHubTest.External.class)
class ExternalHubTest extends ApiTest {

    static final int PORT = freePort();
    static final String HUB = "http://127.0.0.1:" + PORT + "/hub";

    public static class External implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsdesk.websub.hub", HUB, "newsdesk.public-url", "https://news.example");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldAdvertiseTheExternalHubAndPingItForTheChangedFeeds() throws Exception {
        BlockingQueue<Map<String, String>> pings = new LinkedBlockingQueue<>();
        HttpServer hub = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        hub.createContext("/hub", exchange -> {
            try (exchange;
                    InputStream in = exchange.getRequestBody()) {
                pings.add(Subscriber.query(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        hub.start();
        try {
            String category = newCategory();
            String source = newSource();
            Response feed = given().get("/v1/articles?category=" + category + "&format=atom");
            assertTrue(feed.header("Link").startsWith("<" + HUB + ">; rel=\"hub\""), feed.header("Link"));
            String detail = problem(
                            given().contentType("application/x-www-form-urlencoded")
                                    .formParam("hub.mode", "subscribe")
                                    .formParam("hub.topic", "https://news.example/v1/articles?format=atom")
                                    .formParam("hub.callback", "https://subscriber.example/cb")
                                    .post("/v1/websub"),
                            400)
                    .getString("detail");
            assertTrue(detail.contains(HUB), detail);

            newArticle(category, source, "2026-05-01T10:00:00Z");
            Set<String> urls = new HashSet<>();
            Set<String> expected = Set.of(
                    "https://news.example/v1/articles?format=atom",
                    "https://news.example/v1/articles?format=rss",
                    "https://news.example/v1/articles?format=jsonfeed",
                    "https://news.example/v1/articles?category=" + category + "&format=atom",
                    "https://news.example/v1/articles?category=" + category + "&format=jsonfeed",
                    "https://news.example/v1/articles?source=" + source + "&format=rss");
            long deadline = System.currentTimeMillis() + 5_000;
            while (!urls.containsAll(expected) && System.currentTimeMillis() < deadline) {
                Map<String, String> ping = pings.poll(200, TimeUnit.MILLISECONDS);
                if (ping != null) {
                    assertEquals("publish", ping.get("hub.mode"));
                    urls.add(ping.get("hub.url"));
                }
            }
            assertTrue(urls.containsAll(expected), urls.toString());
        } finally {
            hub.stop(0);
        }
    }
}
