package io.newsdesk.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiContractTest extends ApiTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void shouldServeTheTopLevelOpenApiDocumentAtQOpenapi() throws Exception {
        String served =
                given().get("/q/openapi").then().statusCode(200).extract().asString();
        Map<?, ?> servedDoc = YAML.readValue(served, Map.class);
        Map<?, ?> fileDoc = YAML.readValue(Files.readString(Path.of("openapi.yaml")), Map.class);
        assertEquals(fileDoc.get("paths"), servedDoc.get("paths"));
        assertEquals(
                ((Map<?, ?>) fileDoc.get("components")).get("schemas"),
                ((Map<?, ?>) servedDoc.get("components")).get("schemas"));
    }

    @Test
    void shouldRejectAResponseThatBreaksTheContract() {
        // The filter every API test runs through is only worth something if it can fail.
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForSpecificationUrl("openapi.yaml")
                .build();
        String body =
                given().get("/v1/categories").then().statusCode(200).extract().asString();
        SimpleResponse good = SimpleResponse.Builder.ok()
                .withContentType("application/json")
                .withBody(body)
                .build();
        assertFalse(validator
                .validateResponse("/v1/categories", Request.Method.GET, good)
                .hasErrors());
        String stray = body.replaceFirst("\"articleCount\"", "\"surprise\":1,\"articleCount\"");
        SimpleResponse bad = SimpleResponse.Builder.ok()
                .withContentType("application/json")
                .withBody(stray)
                .build();
        assertTrue(validator
                .validateResponse("/v1/categories", Request.Method.GET, bad)
                .hasErrors());
    }
}
