package io.newsdesk.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Swagger UI page and its assets answer as a browser asks for them, on the served document. That it renders
 * every operation is {@code browser.SwaggerUiBrowserTest}'s part.
 */
@QuarkusTest
class SwaggerUiTest extends ApiTest {

    private static final String BROWSER_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    @Test
    void shouldServeTheSwaggerUiPageOnTheServedDocument() {
        given().accept(BROWSER_ACCEPT)
                .get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("<div id=\"swagger-ui\"></div>"))
                .body(containsString("url: '/q/openapi'"))
                .body(containsString("swagger-ui-bundle.js"));
    }

    @Test
    void shouldRedirectThePathWithoutSlashToThePage() {
        given().accept(BROWSER_ACCEPT)
                .redirects()
                .follow(false)
                .get("/q/swagger-ui")
                .then()
                .statusCode(302)
                .header("Location", containsString("/q/swagger-ui/"));
    }

    @Test
    void shouldServeTheScriptsAndStylesThePageLoads() {
        given().accept("*/*")
                .get("/q/swagger-ui/swagger-ui-bundle.js")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/javascript"));
        given().accept("text/css,*/*;q=0.1")
                .get("/q/swagger-ui/swagger-ui.css")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/css"));
    }
}
