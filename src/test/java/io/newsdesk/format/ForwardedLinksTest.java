package io.newsdesk.format;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** Behind a proxy that sends X-Forwarded-*, every absolute link names the proxy's scheme, host and port. */
@QuarkusTest
@TestProfile(ForwardedLinksTest.BehindProxy.class)
class ForwardedLinksTest extends ApiTest {

    public static class BehindProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.proxy.proxy-address-forwarding",
                    "true",
                    "quarkus.http.proxy.allow-x-forwarded",
                    "true",
                    "quarkus.http.proxy.enable-forwarded-host",
                    "true");
        }
    }

    @Test
    void shouldUseForwardedSchemeAndHostInJsonAndFeedLinks() throws Exception {
        String category = HardText.create();
        JsonPath json = given().header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "news.example:8443")
                .get("/v1/articles?limit=2&category=" + category)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertTrue(json.getString("next").startsWith("https://news.example:8443/v1/articles?"), json.getString("next"));
        assertTrue(json.getString("items[0].url").startsWith("https://news.example:8443/v1/articles/"));

        byte[] rss = given().header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "news.example:8443")
                .get("/v1/articles?limit=2&format=rss&category=" + category)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(rss)));
        feed.getEntries().forEach(entry -> assertTrue(entry.getLink().startsWith("https://news.example:8443/")));
        assertEquals(
                json.getList("items.url"),
                feed.getEntries().stream().map(e -> e.getLink()).toList());
        assertTrue(feed.getLink().startsWith("https://news.example:8443/"), feed.getLink());
        for (SyndLink link : feed.getLinks()) {
            assertTrue(link.getHref().startsWith("https://news.example:8443/"), link.getHref());
        }
    }

    @Test
    void shouldAnswerAMalformedForwardedHostOrSchemeWithA400Problem() {
        String[][] forwarded = {
            {"X-Forwarded-Host", "[::1"}, {"X-Forwarded-Host", "a b"}, {"X-Forwarded-Proto", "ht tp"}
        };
        for (String[] header : forwarded) {
            for (String path : List.of("/v1/articles?limit=1", "/v1/categories", "/v1/dates")) {
                io.restassured.response.Response response =
                        given().noFilters().header(header[0], header[1]).get(path);
                assertEquals(400, response.statusCode(), header[0] + ": " + header[1] + " " + path);
                assertEquals("application/problem+json", response.contentType());
                assertTrue(response.jsonPath().getString("detail").contains(header[0]), response.asString());
            }
        }
    }
}
