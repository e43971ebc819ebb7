package vn.phendau.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the people who run the service read: its metrics, its probes, and the id that ties a request's traces together. */
@QuarkusTest
class OperationsTest {

    private static final Path SAMPLE = Path.of("samples", "01-lang-son-duong-cua-khau-tan-thanh.json");
    private static final Path LIST = Path.of("samples", "lists", "lang-son-cao-bang-2026-2030.csv");

    /** The value of one series in /q/metrics (0 when it is not there yet). */
    private static double metric(String series) {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.E+-]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void anAssessmentIsCountedByVerdictEntryAndRule() throws IOException {
        Response first = given().contentType("application/json").body(Files.readAllBytes(SAMPLE)).post("/api/v1/assessments");
        first.then().statusCode(200);
        String verdict = first.jsonPath().getString("verdict");
        String rule = first.jsonPath().getString("findings[0].ruleId");
        String byVerdict = "phendau_assessments_total{entry=\"api\",verdict=\"" + verdict + "\"}";
        String firings = "phendau_rule_firings_total{rule=\"" + rule + "\"}";
        double verdicts = metric(byVerdict);
        double fired = metric(firings);
        given().contentType("application/json").body(Files.readAllBytes(SAMPLE)).post("/api/v1/assessments").then().statusCode(200);
        assertEquals(verdicts + 1, metric(byVerdict), byVerdict);
        assertEquals(fired + 1, metric(firings), firings);
        assertTrue(metric("phendau_http_requests_seconds_bucket{method=\"POST\",outcome=\"SUCCESS\",status=\"200\","
                + "uri=\"/api/v1/assessments\",le=\"+Inf\"}") >= 2, "the endpoint's latency histogram");
    }

    @Test
    void aListIsCountedItemByItemAndBySize() throws IOException {
        double lists = metric("phendau_list_items_count");
        double items = metric("phendau_list_items_sum");
        double compliant = metric("phendau_assessments_total{entry=\"list\",verdict=\"COMPLIANT\"}");
        Response r = given().contentType("text/csv").body(Files.readAllBytes(LIST)).post("/api/v1/assessments/batch");
        r.then().statusCode(200);
        assertEquals(lists + 1, metric("phendau_list_items_count"));
        assertEquals(items + r.jsonPath().getInt("summary.total"), metric("phendau_list_items_sum"));
        assertEquals(compliant + r.jsonPath().getInt("summary.byVerdict.COMPLIANT"),
                metric("phendau_assessments_total{entry=\"list\",verdict=\"COMPLIANT\"}"));
    }

    @Test
    void aProblemIsCountedByTypeAndNamesItsRequest() {
        String series = "phendau_problems_total{status=\"400\",type=\"validation\"}";
        double before = metric(series);
        Response r = given().contentType("application/json").body("{\"id\": 1}").post("/api/v1/proposals/validate");
        r.then().statusCode(400).header(RequestIds.HEADER, matchesPattern("[0-9a-f-]{36}"));
        assertEquals("urn:phendau:request:" + r.header(RequestIds.HEADER), r.jsonPath().getString("instance"));
        assertEquals(before + 1, metric(series));
    }

    @Test
    void aGatewaysRequestIdIsKeptAndAnUnsafeOneReplaced() {
        given().header(RequestIds.HEADER, "gw-42.a:b").contentType("application/json").body("[]").post("/api/v1/assessments")
                .then().statusCode(400).header(RequestIds.HEADER, equalTo("gw-42.a:b"))
                .body("instance", equalTo("urn:phendau:request:gw-42.a:b"));
        given().header(RequestIds.HEADER, "x\" injected=1").get("/api/v1/rules").then().statusCode(200)
                .header(RequestIds.HEADER, matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void theStartUpProbeWaitsForTheRulesAndTheWarmUp() throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (given().when().get("/q/health/started").statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", containsInAnyOrder("rules", "warm-up"));
    }
}
