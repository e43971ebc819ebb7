package vn.phendau.security;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.phendau.http.Payloads;

/** Reviewers' decisions: a written reason, overrides beside the rules' answer (never changing it), and reopening. */
@QuarkusTest
class DecisionsTest {

    static final String REASON = "Hồ sơ đầy đủ, đã đối chiếu với quy hoạch tỉnh và ý kiến các bộ.";

    /** Sample 07 (Điện Biên), whose assessment has REVIEW findings. */
    static ObjectNode needsReview(String id) throws Exception {
        ObjectNode p = (ObjectNode) Payloads.MAPPER.readTree(Files.readString(Path.of("samples/07-dien-bien-duong-a-pa-chai.json")));
        p.put("id", id);
        return p;
    }

    static String file(ObjectNode p) {
        Response r = As.officer().contentType("application/json").body(p.toString()).post("/api/v1/dossiers");
        assertThat(r.asString(), r.statusCode(), equalTo(201));
        return p.get("id").asText();
    }

    static String decision(String outcome, String reason, String... overrides) {
        ObjectNode d = Payloads.MAPPER.createObjectNode();
        d.put("outcome", outcome);
        if (reason != null) {
            d.put("reason", reason);
        }
        ArrayNode list = d.putArray("overrides");
        for (int i = 0; i < overrides.length; i += 2) {
            list.addObject().put("ruleId", overrides[i]).put("kind", overrides[i + 1])
                    .put("reason", "Đã có văn bản thống nhất của Bộ Quốc phòng sau ngày nộp.")
                    .put("document", "Công văn 1234/BQP-TM ngày 02/12/2026");
        }
        return d.toString();
    }

    @Test
    void aReviewerApprovesWithTwoOverridesAndTheRulesAnswerStaysAsItWas() throws Exception {
        String id = file(needsReview(RolesTest.newId()));
        JsonPath before = As.reviewer().get("/api/v1/dossiers/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(before.getString("status.code"), equalTo("AWAITING_DECISION"));
        List<Map<String, Object>> findings = before.getList("current.findings");
        String review = findings.stream().filter(f -> "REVIEW".equals(f.get("severity"))).map(f -> (String) f.get("ruleId"))
                .findFirst().orElseThrow();
        String other = findings.stream().filter(f -> !"REVIEW".equals(f.get("severity"))).map(f -> (String) f.get("ruleId"))
                .findFirst().orElseThrow();

        Response made = As.reviewer().contentType("application/json")
                .body(decision("APPROVE", REASON, review, "ACCEPTED", other, "WRONG")).post("/api/v1/dossiers/" + id + "/decisions");
        assertThat(made.asString(), made.statusCode(), equalTo(201));
        assertThat(made.jsonPath().getString("decidedBy"), equalTo("reviewer"));
        assertThat(made.jsonPath().getString("overrides[0].rulesSaid.severity"), equalTo("REVIEW"));

        JsonPath after = As.officer().get("/api/v1/dossiers/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(after.getString("status.code"), equalTo("APPROVED"));
        assertThat(after.getInt("status.overrides"), equalTo(2));
        assertThat(after.getString("status.text.en"), equalTo("approved with 2 overrides"));
        assertThat(after.getString("status.text.vi"), equalTo("đã duyệt, 2 ý kiến khác với quy tắc"));
        // The rules' answer is as it was: same verdict, same findings.
        assertThat(after.getString("verdict"), equalTo(before.getString("verdict")));
        assertThat(after.getList("current.findings"), equalTo(before.getList("current.findings")));

        JsonPath listed = As.auditor().get("/api/v1/dossiers/" + id + "/decisions").then().statusCode(200).extract().jsonPath();
        assertThat(listed.getString("[0].outcome"), equalTo("APPROVE"));
        assertThat(listed.getList("[0].overrides.ruleId"), equalTo(List.of(review, other)));
        assertThat(listed.getList("[0].overrides.kind"), equalTo(List.of("ACCEPTED", "WRONG")));

        List<String> actions = As.auditor().queryParam("size", 100).get("/api/v1/audit").jsonPath().getList("items.action");
        assertThat(actions, hasItem("DECISION"));
        assertThat(actions, hasItem("OVERRIDE"));
        As.auditor().get("/api/v1/audit/verify").then().body("valid", equalTo(true));

        // A new version after the decision reopens the dossier.
        ObjectNode changed = needsReview(id);
        changed.put("name", changed.get("name").asText() + " (bổ sung)");
        file(changed);
        JsonPath reopened = As.reviewer().get("/api/v1/dossiers/" + id).jsonPath();
        assertThat(reopened.getString("status.code"), equalTo("REOPENED"));
        assertThat(reopened.getString("status.text.en"), startsWith("reopened"));
    }

    @Test
    void aDecisionWithoutAReasonIsA400AtTheReasonsPath() throws Exception {
        String id = file(needsReview(RolesTest.newId()));
        Response none = As.reviewer().contentType("application/json").body(decision("REJECT", null))
                .post("/api/v1/dossiers/" + id + "/decisions");
        assertThat(none.statusCode(), equalTo(400));
        assertThat(none.contentType(), startsWith("application/problem+json"));
        assertThat(none.jsonPath().getList("problems.path"), equalTo(List.of("$.reason")));
        As.reviewer().contentType("application/json").body(decision("REJECT", "too short"))
                .post("/api/v1/dossiers/" + id + "/decisions").then().statusCode(400).body("problems[0].path", equalTo("$.reason"));
        As.reviewer().contentType("application/json").body(decision("MAYBE", REASON))
                .post("/api/v1/dossiers/" + id + "/decisions").then().statusCode(400).body("problems[0].path", equalTo("$.outcome"));
        As.reviewer().contentType("application/json").body(decision("APPROVE", REASON, "NO-SUCH.rule", "WRONG"))
                .post("/api/v1/dossiers/" + id + "/decisions").then().statusCode(400)
                .body("problems[0].path", equalTo("$.overrides[0].ruleId"));
        As.reviewer().get("/api/v1/dossiers/" + id).then().body("status.code", equalTo("AWAITING_DECISION"));
    }

    @Test
    void onlyAReviewerOfTheProvinceDecides() throws Exception {
        String id = file(needsReview(RolesTest.newId()));
        RolesTest.problem(As.officer().contentType("application/json").body(decision("APPROVE", REASON))
                .post("/api/v1/dossiers/" + id + "/decisions"), 403);
        RolesTest.problem(As.admin().contentType("application/json").body(decision("APPROVE", REASON))
                .post("/api/v1/dossiers/" + id + "/decisions"), 403);
        // A reviewer of Lạng Sơn does not see a dossier of Điện Biên.
        RolesTest.problem(As.reviewerLangSon().contentType("application/json").body(decision("APPROVE", REASON))
                .post("/api/v1/dossiers/" + id + "/decisions"), 404);
        As.reviewer().contentType("application/json").body(decision("RETURN_FOR_INFORMATION", REASON))
                .post("/api/v1/dossiers/" + id + "/decisions").then().statusCode(201);
        As.officer().get("/api/v1/dossiers/" + id).then().body("status.text.vi", equalTo("đã trả lại để bổ sung thông tin"));
    }
}
