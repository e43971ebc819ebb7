package vn.phendau.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.phendau.http.Spec;

/** What a reviewer reads about the rule set: rules with their DRL source, criteria, paragraphs, provinces. */
@QuarkusTest
class CatalogResourceTest {

    static JsonPath get(String path) {
        return given().when().get(path).then().statusCode(200).contentType(startsWith("application/json"))
                .extract().jsonPath();
    }

    @Test
    void everyRuleWithItsMetadataAndSource() {
        JsonPath r = get("/api/v1/rules");
        assertThat(r.getString("ruleset.fingerprint"), startsWith("sha256:"));
        List<Map<String, Object>> rules = r.getList("rules");
        assertThat(rules.isEmpty(), equalTo(false));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            String p = "rules[" + i + "].";
            String id = r.getString(p + "id");
            assertThat("unique id " + id, ids.add(id), equalTo(true));
            assertThat(id, r.getString(p + "criterion"), in(Spec.CRITERIA));
            assertThat(id, r.getString(p + "severity"), in(Spec.SEVERITIES));
            assertThat(id, r.getInt(p + "points"), greaterThanOrEqualTo(0));
            assertThat(id, r.getString(p + "title.vi"), not(equalTo("")));
            assertThat(id, r.getString(p + "title.en"), not(equalTo("")));
            assertThat(id, r.getString(p + "file"), allOf(startsWith("rules/"), endsWith(".drl")));
            assertThat(id, r.getString(p + "source"), startsWith("rule \"" + id + "\""));
            assertThat(id, r.getString(p + "source").strip(), endsWith("end"));
            List<Map<String, Object>> citations = r.getList(p + "citations");
            assertThat(id + " cites something", citations.isEmpty(), equalTo(false));
            for (Map<String, Object> c : citations) {
                assertThat(id, c.get("document"), notNullValue());
                assertThat(id, (String) c.get("text"), not(equalTo("")));
                if (Spec.RESOLUTION.equals(c.get("document"))) {
                    assertThat(id + " " + c, c.get("paragraph"), notNullValue());
                }
            }
        }
    }

    private static <T> org.hamcrest.Matcher<T> allOf(org.hamcrest.Matcher<? super T> a, org.hamcrest.Matcher<? super T> b) {
        return org.hamcrest.Matchers.allOf(a, b);
    }

    @Test
    void oneRuleByItsId() {
        JsonPath all = get("/api/v1/rules");
        Map<String, Object> first = all.getMap("rules[0]");
        String id = (String) first.get("id");
        JsonPath one = get("/api/v1/rules/" + id);
        assertThat(one.getMap(""), equalTo(first));
        String last = all.getString("rules[-1].id");
        assertThat(get("/api/v1/rules/" + last).getString("id"), equalTo(last));
    }

    @Test
    void everyCriterionOnceWithItsRules() {
        JsonPath c = get("/api/v1/criteria");
        assertThat(c.getList("id", String.class), containsInAnyOrder(Spec.CRITERIA.toArray()));
        JsonPath rules = get("/api/v1/rules");
        List<Map<String, Object>> criteria = c.getList("");
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            String id = c.getString("[" + i + "].id");
            assertThat(id, c.getString("[" + i + "].title.vi"), not(equalTo("")));
            assertThat(id, c.getString("[" + i + "].title.en"), not(equalTo("")));
            List<String> its = c.getList("[" + i + "].rules", String.class);
            assertThat(id + " has a rules list", its, notNullValue());
            for (String rule : its) {
                assertThat(rule, rules.getString("rules.find { it.id == '" + rule + "' }.criterion"), equalTo(id));
            }
            listed.addAll(its);
        }
        assertThat("every rule under exactly one criterion", listed,
                containsInAnyOrder(rules.getList("rules.id", String.class).toArray()));
    }

    @Test
    void oneParagraphOfTheResolution() {
        JsonPath p = get("/api/v1/legal/23-NQ-CP/paragraphs/III.2.g-1");
        assertThat(p.getString("document"), equalTo("23/NQ-CP"));
        assertThat(p.getString("id"), equalTo("III.2.g-1"));
        assertThat(p.getString("text"), startsWith("Ưu tiên dành nguồn vốn từ ngân sách nhà nước"));
        assertThat(p.getString("text"), containsString("kết nối từ vùng kinh tế phát triển tới vùng khó khăn"));
    }

    @Test
    void theBorderProvinces() {
        JsonPath p = get("/api/v1/reference/provinces");
        List<String> border = p.getList("border.name", String.class);
        assertThat(border.size(), equalTo(22));
        assertThat(border, hasItem("Lạng Sơn"));
        assertThat(p.getList("border.find { it.name == 'Tuyên Quang' }.formerly", String.class), hasItem("Hà Giang"));
        assertThat(p.getList("border.find { it.name == 'Lạng Sơn' }.neighbours", String.class), equalTo(List.of("CN")));
        assertThat(p.getList("withoutLandBorder.name", String.class), hasItem("Hà Nội"));
        assertThat(border, not(hasItem("Hà Nội")));
    }

    @Test
    void readyOnceTheRulesAreLoaded() throws InterruptedException {
        // The rules load in the background while the service starts; until then readiness answers 503, DOWN.
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (given().when().get("/q/health/ready").statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'rules' }.status", equalTo("UP"));
    }

    @Test
    void theOpenApiDocumentAnswers() {
        String doc = given().when().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(doc, containsString("/api/v1/assessments"));
        assertThat(doc, containsString("/api/v1/rules/{ruleId}"));
        given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", notNullValue());
    }

    /** Both take one proposal as the schema has it; the type the service reads it into is its own affair. */
    @Test
    void theSingleProposalEndpointsDocumentAProposalAsTheirBody() {
        var doc = given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        for (String path : new String[] {"/api/v1/assessments", "/api/v1/proposals/validate"}) {
            String body = "paths['" + path + "'].post.requestBody.";
            assertThat(path, doc.getString(body + "content['application/json'].schema.$ref"), equalTo("#/components/schemas/ProjectProposal"));
            assertThat(path, doc.getBoolean(body + "required"), equalTo(true));
        }
        assertThat(doc.getMap("components.schemas").containsKey("PostedProposal"), equalTo(false));
    }
}
