package vn.phendau.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static vn.phendau.http.ProblemAssert.problem;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The answer to one proposal, field by field as API.md lists it. */
@QuarkusTest
class AssessmentResponseTest {

    static Response assess(byte[] body) {
        return given().contentType("application/json").body(body).when().post("/api/v1/assessments");
    }

    /** The resolution's paragraphs as the service ships them, read from the file, not through the service. */
    static Map<String, String> resolutionText() throws IOException {
        try (InputStream in = AssessmentResponseTest.class.getClassLoader().getResourceAsStream("legal/resolution-23-2022.json")) {
            Map<String, String> text = new HashMap<>();
            for (JsonNode p : Payloads.MAPPER.readTree(in).get("paragraphs")) {
                text.put(p.get("id").asText(), p.get("text").asText());
            }
            return text;
        }
    }

    @Test
    void theSampleIsAssessedWithEveryFieldOfTheContract() {
        Response response = assess(Payloads.sample());
        assertThat(response.asString(), response.statusCode(), equalTo(200));
        assertThat(response.contentType(), startsWith("application/json"));
        JsonPath a = response.jsonPath();

        assertThat(a.getString("assessmentId"), notNullValue());
        assertThat(a.getString("projectId"), equalTo("LS-2026-014"));
        assertThat(a.getString("projectName"), equalTo("Đường kết nối cửa khẩu Tân Thanh với Quốc lộ 4A, huyện Văn Lãng"));
        assertThat(a.getString("verdict"), in(Spec.VERDICTS));
        assertThat(a.getInt("score"), allOf(greaterThanOrEqualTo(0), lessThanOrEqualTo(100)));

        List<Map<String, Object>> breakdown = a.getList("scoreBreakdown");
        assertThat(breakdown.isEmpty(), equalTo(false));
        int sum = 0;
        for (int i = 0; i < breakdown.size(); i++) {
            String g = "scoreBreakdown[" + i + "].";
            assertThat(a.getString(g + "group"), notNullValue());
            assertThat(a.getInt(g + "points"), allOf(greaterThanOrEqualTo(0), lessThanOrEqualTo(a.getInt(g + "max"))));
            sum += a.getInt(g + "points");
        }
        assertThat("score is the sum of the breakdown", a.getInt("score"), equalTo(sum));

        assertThat(a.getString("province.input"), equalTo("Lạng Sơn"));
        assertThat(a.getString("province.name"), equalTo("Lạng Sơn"));
        assertThat(a.getMap("province"), hasKey("formerly"));
        assertThat(a.getList("province.neighbours", String.class), equalTo(List.of("CN")));

        assertThat(a.getString("projectGroup.group"), in(List.of("NATIONAL_IMPORTANT", "A", "B", "C")));
        assertThat(a.getMap("projectGroup"), hasKey("declared"));
        assertThat(a.getString("projectGroup.law"), startsWith("Luật Đầu tư công"));

        assertThat(a.getString("ruleset.version"), notNullValue());
        assertThat(a.getString("ruleset.fingerprint"), startsWith("sha256:"));
        assertThat(a.getString("ruleset.fingerprint").length(), equalTo("sha256:".length() + 64));
        assertThat(a.getString("assessmentDate"), equalTo("2026-11-20"));
        assertThat(Instant.parse(a.getString("assessedAt")), notNullValue());
        LocalDate.parse(a.getString("assessmentDate"));
    }

    @Test
    void findingsCarryTheirRuleExplanationAndEvidenceInSeverityOrder() {
        JsonPath a = assess(Payloads.sample()).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> findings = a.getList("findings");
        assertThat(findings.isEmpty(), equalTo(false));
        int lastSeverity = 0;
        for (int i = 0; i < findings.size(); i++) {
            String f = "findings[" + i + "].";
            assertThat(a.getString(f + "ruleId"), startsWith(a.getString(f + "criterion") + "."));
            assertThat(a.getString(f + "criterion"), in(Spec.CRITERIA));
            assertThat("no NOT_APPLICABLE finding", a.getString(f + "outcome"), in(List.of("MET", "NOT_MET", "MISSING_INFO")));
            String severity = a.getString(f + "severity");
            assertThat(severity, in(Spec.SEVERITIES));
            assertThat("ordered by severity at " + i, Spec.SEVERITIES.indexOf(severity), greaterThanOrEqualTo(lastSeverity));
            lastSeverity = Spec.SEVERITIES.indexOf(severity);
            assertThat(a.getInt(f + "points"), greaterThanOrEqualTo(0));
            for (String text : List.of("title", "explanation")) {
                assertThat(a.getString(f + text + ".vi"), not(equalTo("")));
                assertThat(a.getString(f + text + ".en"), not(equalTo("")));
                assertThat("placeholders filled in " + f + text, a.getString(f + text + ".vi").contains("{"), equalTo(false));
            }
            assertThat(a.getList(f + "citations").isEmpty(), equalTo(false));
            assertThat(a.getMap(f + "evidence"), notNullValue());
            assertThat(a.getList(f + "missingFields"), notNullValue());
        }
    }

    @Test
    void everyCitationOfTheResolutionQuotesItsParagraph() throws IOException {
        Map<String, String> text = resolutionText();
        JsonPath a = assess(Payloads.sample()).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> citations = a.getList("findings.citations.flatten()");
        assertThat(citations.isEmpty(), equalTo(false));
        int quoted = 0;
        for (Map<String, Object> c : citations) {
            assertThat(c.toString(), c.get("document"), notNullValue());
            assertThat(c.toString(), (String) c.get("text"), not(equalTo("")));
            if (Spec.RESOLUTION.equals(c.get("document"))) {
                String paragraph = (String) c.get("paragraph");
                assertThat(c.toString(), paragraph, in(text.keySet()));
                assertThat(c.toString(), c.get("text"), equalTo(text.get(paragraph)));
                quoted++;
            }
        }
        assertThat(quoted, greaterThanOrEqualTo(1));
    }

    @Test
    void theChecklistNamesEachCriterionExactlyOnce() {
        JsonPath a = assess(Payloads.sample()).then().statusCode(200).extract().jsonPath();
        assertThat(a.getList("checklist.criterion", String.class), containsInAnyOrder(Spec.CRITERIA.toArray()));
        assertThat(a.getList("checklist.outcome", String.class), everyItem(in(Spec.OUTCOMES)));
        assertThat(a.getList("checklist.title.vi", String.class), everyItem(not(equalTo(""))));
        assertThat(a.getList("checklist.title.en", String.class), everyItem(not(equalTo(""))));
        // A criterion a finding speaks to is not NOT_APPLICABLE in the checklist.
        List<String> withFindings = a.getList("findings.criterion", String.class);
        List<Map<String, Object>> checklist = a.getList("checklist");
        for (Map<String, Object> item : checklist) {
            if (withFindings.contains(item.get("criterion"))) {
                assertThat(item.toString(), item.get("outcome"), not(equalTo("NOT_APPLICABLE")));
            }
        }
    }

    @Test
    void everyAssessmentHasItsOwnId() {
        String first = assess(Payloads.sample()).then().statusCode(200).extract().path("assessmentId");
        String second = assess(Payloads.sample()).then().statusCode(200).extract().path("assessmentId");
        assertThat(second, not(equalTo(first)));
    }

    @Test
    void validateAnswersValidForTheSample() {
        given().contentType("application/json").body(Payloads.sample()).when().post("/api/v1/proposals/validate")
                .then().statusCode(200).contentType(startsWith("application/json"))
                .body("valid", equalTo(true))
                .body("projectId", equalTo("LS-2026-014"))
                .body(equalTo("{\"projectId\":\"LS-2026-014\",\"valid\":true}"));  // as the README shows it
    }

    @Test
    void validateAnswers400ForABadProposal() {
        ProblemAssert p = problem(given().contentType("application/json").body(Payloads.bytes("invalid/unknown-enum.json"))
                .when().post("/api/v1/proposals/validate"), 400).at("sector");
        assertThat(p.json().getString("type"), equalTo("urn:phendau:problem:validation"));
    }

    /**
     * A body past Quarkus REST's input buffer (10 KiB) is read on a worker thread rather than the I/O thread: the
     * answer must be the one the same proposal gets when it is small.
     */
    @Test
    void aProposalLargerThanTheInputBufferIsAssessedAsASmallOne() {
        com.fasterxml.jackson.databind.node.ObjectNode large;
        try {
            large = (com.fasterxml.jackson.databind.node.ObjectNode) Payloads.MAPPER.readTree(Payloads.sample());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        large.put("description", "Mô tả dài. ".repeat(1_500));
        byte[] body = Payloads.json(large);
        assertThat(body.length, greaterThanOrEqualTo(16_384));
        JsonPath small = assess(Payloads.sample()).then().statusCode(200).extract().jsonPath();
        JsonPath big = assess(body).then().statusCode(200).extract().jsonPath();
        assertThat(big.getString("verdict"), equalTo(small.getString("verdict")));
        assertThat(big.getInt("score"), equalTo(small.getInt("score")));
        assertThat(big.getList("findings.ruleId"), equalTo(small.getList("findings.ruleId")));
        given().contentType("application/json").body(body).when().post("/api/v1/proposals/validate")
                .then().statusCode(200).body("valid", equalTo(true));
    }
}
