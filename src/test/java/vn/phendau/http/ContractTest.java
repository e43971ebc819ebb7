package vn.phendau.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The answer's format follows the Accept header's weights; the OpenAPI document says every answer a client can get. */
@QuarkusTest
class ContractTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Path LIST = Path.of("samples", "lists", "lang-son-cao-bang-2026-2030.csv");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "text/csv;q=0.1, application/json|application/json",
            "application/json;q=0.2, text/csv|text/csv",
            "text/csv;q=0.5, " + XLSX + ";q=0.9|" + XLSX,
            "*/*|application/json",
            "text/*|text/csv",
            "application/pdf, text/csv;q=0.3|text/csv"})
    void theWeightsOfAcceptChooseTheFormat(String accept, String expected) throws IOException {
        given().contentType("text/csv").header("Accept", accept).body(Files.readAllBytes(LIST))
                .post("/api/v1/assessments/batch").then().statusCode(200).contentType(startsWith(expected))
                .header("Vary", org.hamcrest.Matchers.containsStringIgnoringCase("Accept"));
    }

    @Test
    void noAcceptGetsJsonAndNothingAcceptableGets406() throws IOException {
        given().contentType("text/csv").body(Files.readAllBytes(LIST)).post("/api/v1/assessments/batch")
                .then().statusCode(200).contentType(startsWith("application/json"));
        ProblemAssert.problem(given().contentType("text/csv").header("Accept", "application/pdf, text/csv;q=0")
                .body(Files.readAllBytes(LIST)).post("/api/v1/assessments/batch"), 406).at("Accept");
    }

    @Test
    void theOpenApiDocumentDeclaresTheProblemsAndTheListBodies() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String status : List.of("400", "406", "413", "415", "503")) {
            for (String path : List.of("/api/v1/assessments", "/api/v1/assessments/batch", "/api/v1/proposals/validate")) {
                Map<String, Object> content = doc.getMap("paths.'" + path + "'.post.responses.'" + status + "'.content");
                org.hamcrest.MatcherAssert.assertThat(path + " " + status, content, hasKey("application/problem+json"));
            }
        }
        org.hamcrest.MatcherAssert.assertThat(doc.getMap("paths.'/api/v1/rules/{ruleId}'.get.responses.'404'.content"),
                hasKey("application/problem+json"));
        org.hamcrest.MatcherAssert.assertThat(doc.getMap("components.schemas.Problem.properties"), hasKey("instance"));
        for (String where : List.of("requestBody", "responses.'200'")) {
            Map<String, Object> content = doc.getMap("paths.'/api/v1/assessments/batch'.post." + where + ".content");
            for (String type : List.of("application/json", "text/csv", XLSX)) {
                org.hamcrest.MatcherAssert.assertThat(where, content, hasKey(type));
            }
        }
    }
}
