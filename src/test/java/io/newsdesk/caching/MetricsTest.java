package io.newsdesk.caching;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** {@code /q/metrics}: request rate and latency per endpoint and format, cache and 304 counts, pool usage. */
@QuarkusTest
class MetricsTest extends CachingSupport {

    @Test
    void shouldCountRequestsPerEndpointAndFormatIncluding304s() {
        Newsroom newsroom = newsroom(1);
        String url = newsroom.articles("atom");
        String before = Metrics.text();
        String etag = ok(url, "atom").header("ETag");
        get(url, "If-None-Match", etag).then().statusCode(304);
        String after = Metrics.text();
        String ok = "format=\"atom\",method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/v1/articles\"";
        assertEquals(requests(before, ok) + 1, requests(after, ok), after);
        // Micrometer's uri is REDIRECTION for every 3xx; endpoint names the route for 304s too
        String notModified = "format=\"atom\",method=\"GET\",outcome=\"REDIRECTION\",status=\"304\"";
        assertEquals(requests(before, notModified) + 1, requests(after, notModified), after);
    }

    @Test
    void shouldExposeCacheResultsAndPoolUsage() {
        Newsroom newsroom = newsroom(1);
        ok(newsroom.articles("json"), "json");
        ok(newsroom.articles("json"), "json");
        String metrics = Metrics.text();
        assertTrue(Metrics.sample(metrics, "newsdesk_reads_total", "answer=\"full\",cache=\"hit\"") >= 1, metrics);
        assertTrue(Metrics.sample(metrics, "newsdesk_reads_total", "answer=\"full\",cache=\"miss\"") >= 1);
        assertTrue(
                Pattern.compile("^agroal_active_count\\{datasource=\"(h2|pg)\"", Pattern.MULTILINE)
                        .matcher(metrics)
                        .find(),
                "pool gauges");
        assertTrue(metrics.contains("newsdesk_render_cache_entries"), "cache size gauge");
    }

    @Test
    void shouldNameTheHtmlFormatAndTheHub() {
        Newsroom newsroom = newsroom(1);
        String before = Metrics.text();
        ok(newsroom.articles("html"), "html");
        given().contentType("application/x-www-form-urlencoded")
                .formParam("hub.mode", "subscribe")
                .post("/v1/websub")
                .then()
                .statusCode(400);
        String after = Metrics.text();

        String html = "format=\"html\",method=\"GET\",outcome=\"SUCCESS\",status=\"200\"";
        assertEquals(requests(before, html) + 1, requests(after, html), after);
        String hub = "endpoint=\"/v1/websub\",format=\"problem\",method=\"POST\",outcome=\"CLIENT_ERROR\"";
        assertEquals(
                Metrics.sample(before, "http_server_requests_seconds_count", hub) + 1,
                Metrics.sample(after, "http_server_requests_seconds_count", hub),
                after);
    }

    /** Count of {@code http_server_requests_seconds} of /v1/articles with these other labels (sorted by name). */
    private static double requests(String metrics, String labels) {
        return Metrics.sample(metrics, "http_server_requests_seconds_count", "endpoint=\"/v1/articles\"," + labels);
    }
}
