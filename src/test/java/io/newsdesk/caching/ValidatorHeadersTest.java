package io.newsdesk.caching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Every successful read carries a strong ETag, Last-Modified, the default Cache-Control and Vary: Accept. */
@QuarkusTest
class ValidatorHeadersTest extends CachingSupport {

    @ParameterizedTest
    @FieldSource("io.newsdesk.caching.CachingSupport#FORMATS")
    void articleListsCarryValidatorsInEveryFormat(String format) {
        Newsroom newsroom = newsroom(2);
        Response response = ok(newsroom.articles(format), format);
        assertValidators(response, DEFAULT_CACHE_CONTROL);
    }

    @ParameterizedTest
    @FieldSource("io.newsdesk.caching.CachingSupport#FORMATS")
    void oneArticleCarriesValidatorsInEveryFormat(String format) {
        Newsroom newsroom = newsroom(1);
        Response response = ok("/v1/articles/" + newsroom.ids().get(0) + "?format=" + format, format);
        assertValidators(response, DEFAULT_CACHE_CONTROL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml", "csv"})
    void catalogReadsCarryValidators(String format) {
        Newsroom newsroom = newsroom(1);
        for (String path : new String[] {
            "/v1/categories", "/v1/categories/" + newsroom.category(), "/v1/sources", "/v1/sources/" + newsroom.source()
        }) {
            assertValidators(ok(path + "?format=" + format, format), DEFAULT_CACHE_CONTROL);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml", "csv"})
    void datesCarryValidators(String format) {
        Newsroom newsroom = newsroom(2);
        assertValidators(
                ok("/v1/dates?category=" + newsroom.category() + "&format=" + format, format), DEFAULT_CACHE_CONTROL);
        assertValidators(ok("/v1/dates?format=" + format, format), DEFAULT_CACHE_CONTROL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/rss+xml", "application/atom+xml"})
    void negotiatedReadsCarryValidatorsAndVaryOnAccept(String accept) {
        Newsroom newsroom = newsroom(1);
        Response response = get("/v1/articles?category=" + newsroom.category(), "Accept", accept);
        assertEquals(200, response.statusCode());
        assertTrue(response.contentType().startsWith(accept), response.contentType());
        assertValidators(response, DEFAULT_CACHE_CONTROL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "rss"})
    void lastModifiedOfASelectionIsItsNewestEditToTheSecond(String format) {
        Newsroom newsroom = newsroom(2);
        String updatedAt =
                get("/v1/articles/" + newsroom.ids().get(1)).jsonPath().getString("updatedAt");
        Instant newest = Instant.parse(updatedAt);
        Instant lastModified = lastModified(ok(newsroom.articles(format), format));
        // categories and sources created for the newsroom are older than its articles
        assertEquals(newest.getEpochSecond(), lastModified.getEpochSecond(), updatedAt);
    }

    @ParameterizedTest
    @FieldSource("io.newsdesk.caching.CachingSupport#FORMATS")
    void lastModifiedOfOneArticleIsItsLastEditToTheSecond(String format) {
        Newsroom newsroom = newsroom(1);
        long id = newsroom.ids().get(0);
        retitle(id, null).then().statusCode(200);
        Instant updatedAt = Instant.parse(get("/v1/articles/" + id).jsonPath().getString("updatedAt"));
        Response response = ok("/v1/articles/" + id + "?format=" + format, format);
        assertEquals(updatedAt.getEpochSecond(), lastModified(response).getEpochSecond());
    }
}
