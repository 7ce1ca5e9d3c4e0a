package io.newsdesk.html;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import io.restassured.response.Response;

/** Fetching pages as a browser does, and reading them with a real HTML parser (jsoup). */
final class Html {

    /** Firefox's and Chromium's default Accept header for a page. */
    static final String BROWSER =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    static final String MEDIA_TYPE = "text/html;charset=utf-8";

    private Html() {}

    static Response fetch(String path) {
        return given().header("Accept", BROWSER).get(path);
    }

    /** The page at this path (or absolute URL), asserting a 200 with HTML. */
    static Document page(String path) {
        Response response = fetch(path);
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals(MEDIA_TYPE, response.contentType().replace(" ", "").toLowerCase());
        return Jsoup.parse(response.asString(), path);
    }
}
