package vn.phendau.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;
import vn.phendau.assessment.Assessment;
import vn.phendau.labels.Labels;
import vn.phendau.security.Csrf;

/**
 * The guided proposal form without a browser: every field of the schema is an input (found by walking the schema
 * here, so a new field needs nothing added), labelled in words; sample 01 entered through the form gets the API's
 * answer for the sample's file; a bad amount comes back beside its input, as typed, in the API's words.
 */
@QuarkusTest
class ProposalFormTest {

    static final String SAMPLE = "01-lang-son-duong-cua-khau-tan-thanh.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    ReportStore store;

    /** Every field of the schema by its path (a row's field as location.communes.name), leaves only. */
    static Set<String> schemaFields() throws IOException {
        JsonNode schema = MAPPER.readTree(Files.readAllBytes(Path.of("src/main/resources/schema/project-proposal.schema.json")));
        Set<String> out = new LinkedHashSet<>();
        walk(schema, schema, "", out);
        return out;
    }

    private static void walk(JsonNode root, JsonNode node, String path, Set<String> out) {
        JsonNode n = node.has("$ref") ? root.at(node.get("$ref").asText().substring(1)) : node;
        JsonNode items = n.path("items");
        if ("object".equals(n.path("type").asText()) || "object".equals(items.path("type").asText())) {
            JsonNode props = n.has("properties") ? n.get("properties") : items.get("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(root, e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else {
            out.add(path);
        }
    }

    static Document page(String query) {
        return Jsoup.parse(given().get("/proposals/new" + query).then().statusCode(200).extract().asString());
    }

    /** The inputs named for a field: itself, or a row's cell (location.communes[0].name). */
    static List<Element> inputs(Document doc, String path) {
        List<Element> out = new ArrayList<>(doc.select("#proposal-form [name=" + path + "]"));
        int dot = path.lastIndexOf('.');
        if (out.isEmpty() && dot > 0) {
            out.addAll(doc.select("#proposal-form [name=" + path.substring(0, dot) + "[0]" + path.substring(dot) + "]"));
        }
        return out;
    }

    @Test
    void everySchemaFieldIsAnInputWithItsLabelInTheLanguageOfThePage() throws IOException {
        Labels labels = Labels.shipped();
        for (String lang : List.of("vi", "en")) {
            Document doc = page("?lang=" + lang);
            assertEquals(lang, doc.select("html").attr("lang"));
            for (String path : schemaFields()) {
                List<Element> inputs = inputs(doc, path);
                assertFalse(inputs.isEmpty(), path + " has an input");
                String label = labels.field(path).in(lang);
                assertTrue(doc.select("#proposal-form").text().contains(label), path + " is labelled '" + label + "'");
                for (Element input : inputs) {
                    assertFalse(input.is("input[type=checkbox]") && labels.values(path).isEmpty(),
                            path + ": a yes/no is never a checkbox");
                }
            }
            // Nine parts: general, location, sector, investment, schedule, planning, defence, urgency, beneficiaries.
            assertEquals(9, doc.select("fieldset.section").size());
        }
    }

    @Test
    void codesAreNeverShownAndYesNoIsAThreeWayChoice() {
        Document doc = page("");
        Element sector = doc.selectFirst("select[name=sector]");
        assertNotNull(sector);
        assertTrue(sector.select("option[value=WATER_IRRIGATION]").text().startsWith("Thủy lợi"));
        assertFalse(sector.text().contains("WATER_IRRIGATION"), "the code is never shown");
        List<String> choices = doc.select("input[type=radio][name=planning.inProvincialPlan]").eachAttr("value");
        assertEquals(List.of("true", "false", "unknown"), choices);
        assertEquals("unknown", doc.selectFirst("input[type=radio][name=planning.inProvincialPlan][checked]").val(), "unknown until said");
        assertTrue(doc.select("select[name=location.province] option").eachText().contains("Lạng Sơn"));
        assertEquals(3, doc.select("input[name^=location.communes][name$=.name]").size(), "a few empty rows to fill without script");
    }

    /** What a browser submits of the form, with the fields changed as given, and the button pressed. */
    static Response submit(Document doc, Map<String, String> changes, String action) {
        FormElement form = (FormElement) doc.getElementById("proposal-form");
        // The page wrote its cookie's CSRF token into the form (tokenOfThePage checks it), so the browser sends both.
        var request = given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .cookie(Csrf.COOKIE, form.selectFirst("input[name=" + Csrf.FIELD + "]").val());
        List<String> seen = new ArrayList<>();
        for (var kv : form.formData()) {
            if (kv.key().equals("action")) {
                continue;
            }
            seen.add(kv.key());
            request = request.formParam(kv.key(), changes.getOrDefault(kv.key(), kv.value()));
        }
        for (Map.Entry<String, String> c : changes.entrySet()) {
            if (!seen.contains(c.getKey())) {
                request = request.formParam(c.getKey(), c.getValue());
            }
        }
        return request.formParam("action", action).post("/proposals/new");
    }

    private static JsonNode sampleFile() throws IOException {
        return MAPPER.readTree(Files.readAllBytes(Path.of("samples", SAMPLE)));
    }

    @Test
    void sample01EnteredThroughTheFormGetsTheApisAnswerForItsFile() throws IOException {
        Document doc = page("?sample=" + SAMPLE);
        assertEquals("95.000.000.000", doc.selectFirst("input[name=investment.totalVnd]").val(), "amounts shown as written");

        Response answer = submit(doc, Map.of(), "assess");
        assertEquals(303, answer.statusCode(), answer.asString());
        String location = answer.header("Location");
        assertTrue(location.contains("/reports/"), location);
        Assessment fromForm = store.report(location.substring(location.lastIndexOf('/') + 1)).orElseThrow();

        JsonNode api = MAPPER.readTree(given().contentType("application/json").body(Files.readAllBytes(Path.of("samples", SAMPLE)))
                .post("/api/v1/assessments").then().statusCode(200).extract().asByteArray());
        assertEquals(api.get("verdict").asText(), fromForm.verdict().name());
        assertEquals(api.get("score").asInt(), fromForm.score());
        List<String> apiRules = new ArrayList<>();
        api.get("findings").forEach(f -> apiRules.add(f.get("ruleId").asText()));
        assertEquals(apiRules, fromForm.findings().stream().map(f -> f.ruleId()).toList());

        // The report is the page the assessment form shows.
        given().get(location).then().statusCode(200).body(org.hamcrest.Matchers.containsString("LS-2026-014"));

        // "Download JSON": the sample as its file has it, its empty list of features included.
        assertTrue(doc.selectFirst("input[type=checkbox][name=none:features]").hasAttr("checked"), "features said to be none");
        JsonNode downloaded = MAPPER.readTree(submit(doc, Map.of(), "json").then().statusCode(200).extract().asByteArray());
        assertEquals(sampleFile(), downloaded);
    }

    @Test
    void aBadAmountComesBackBesideItsInputAsTypedInTheApisWords() throws IOException {
        Document doc = page("?sample=" + SAMPLE);
        Response answer = submit(doc, Map.of("investment.totalVnd", "95 tỷ", "schedule.endYear", "2025"), "assess");
        assertEquals(400, answer.statusCode());
        Document shown = Jsoup.parse(answer.asString());
        Element amount = shown.selectFirst("input[name=investment.totalVnd]");
        assertEquals("95 tỷ", amount.val(), "the value is kept");
        assertEquals("true", amount.attr("aria-invalid"));
        assertEquals("Cửa khẩu Tân Thanh", shown.selectFirst("input[name=location.borderGate]").val(), "every other value too");

        ObjectNode bad = (ObjectNode) sampleFile();
        ((ObjectNode) bad.get("investment")).put("totalVnd", "95 tỷ");
        ((ObjectNode) bad.get("schedule")).put("endYear", 2025);
        JsonNode problems = MAPPER.readTree(given().contentType("application/json").body(bad.toString())
                .post("/api/v1/proposals/validate").then().statusCode(400).extract().asByteArray()).get("problems");
        int placed = 0;
        for (JsonNode p : problems) {
            String path = p.get("path").asText();
            Element input = shown.selectFirst("[data-path=" + path + "]");
            assertNotNull(input, "an input for " + path);
            String beside = shown.getElementById(input.id() + "-problems").text();
            assertTrue(beside.contains(p.at("/message/vi").asText()), path + ": '" + beside + "' says the API's '" + p.at("/message/vi").asText() + "'");
            placed++;
        }
        assertTrue(placed >= 2, problems.toString());
    }

    @Test
    void aRowIsAddedWithoutScriptAndEmptyRowsAreDropped() {
        Document doc = page("?sample=" + SAMPLE);
        Document more = Jsoup.parse(submit(doc, Map.of("location.communes[1].name", "", "location.communes[1].borderCommune", "unknown"), "add:location.communes")
                .then().statusCode(200).extract().asString());
        List<String> names = more.select("input[name^=location.communes][name$=.name]").eachAttr("value");
        assertEquals(List.of("Tân Thanh", "Văn Lãng", "", ""), names, "the emptied row is gone, one spare and one added");
    }

    /** The form page's CSRF cookie, checked to be the token written into both of its forms that post. */
    static String tokenOfThePage() {
        Response r = given().get("/proposals/new").then().statusCode(200).extract().response();
        String token = r.cookie(Csrf.COOKIE);
        assertNotNull(token, "the form page sets the CSRF cookie");
        Document doc = Jsoup.parse(r.asString());
        assertEquals(token, doc.selectFirst("#proposal-form input[type=hidden][name=csrf]").val());
        assertEquals(token, doc.selectFirst("#load-form input[type=hidden][name=csrf]").val());
        return token;
    }

    private static io.restassured.specification.RequestSpecification withToken(String token) {
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8").cookie(Csrf.COOKIE, token).formParam(Csrf.FIELD, token);
    }

    @Test
    void aPostWithoutTheFormsCsrfTokenIsRefused() throws IOException {
        String token = tokenOfThePage();
        Document doc = page("?sample=" + SAMPLE);
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        ((FormElement) doc.getElementById("proposal-form")).formData().forEach(kv -> fields.putIfAbsent(kv.key(), kv.value()));
        fields.remove(Csrf.FIELD);
        for (String action : List.of("assess", "load", "json", "add:location.communes")) {
            fields.put("action", action);
            // No token at all, a token without its cookie (another site's form), and a cookie whose token is not the form's.
            List<Response> refused = List.of(
                    given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                            .formParams(fields).post("/proposals/new"),
                    given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                            .formParams(fields).formParam(Csrf.FIELD, token).post("/proposals/new"),
                    given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                            .cookie(Csrf.COOKIE, "a".repeat(43)).formParams(fields).formParam(Csrf.FIELD, "b".repeat(43))
                            .post("/proposals/new"));
            for (Response r : refused) {
                assertEquals(403, r.statusCode(), action + ": " + r.asString());
                assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
                assertTrue(r.asString().contains("CSRF"), r.asString());
            }
        }
        // The same post with the page's token and cookie is taken.
        fields.put("action", "assess");
        Response taken = withToken(token).redirects().follow(false).formParams(fields).post("/proposals/new");
        assertEquals(303, taken.statusCode(), taken.asString());
    }

    /** A list said to be empty and a list not given go through the form each as it came: [] is not unknown. */
    @Test
    void anEmptyListAndAnAbsentOneRoundTripThroughTheForm() throws IOException {
        ObjectNode proposal = (ObjectNode) sampleFile();
        proposal.remove("features");
        ((ObjectNode) proposal.get("investment")).putArray("sources");
        Document doc = Jsoup.parse(withToken(tokenOfThePage()).formParam("loadJson", proposal.toString()).formParam("action", "load")
                .post("/proposals/new").then().statusCode(200).extract().asString());
        assertFalse(doc.selectFirst("input[type=checkbox][name=none:features]").hasAttr("checked"), "features unknown");
        assertTrue(doc.selectFirst("input[type=checkbox][name=none:investment.sources]").hasAttr("checked"), "no sources, said so");
        assertEquals(proposal, MAPPER.readTree(submit(doc, Map.of(), "json").then().statusCode(200).extract().asByteArray()));

        // Rows or boxes filled win over a "none" ticked with them; "none" alone on a fresh form is the empty list.
        JsonNode both = MAPPER.readTree(submit(doc, Map.of("none:features", "true", "features", "BORDER_GATE"), "json")
                .then().statusCode(200).extract().asByteArray());
        assertEquals("[\"BORDER_GATE\"]", both.get("features").toString());
        JsonNode fresh = MAPPER.readTree(submit(page(""), Map.of("none:location.communes", "true"), "json")
                .then().statusCode(200).extract().asByteArray());
        assertEquals("[]", fresh.at("/location/communes").toString());
        assertFalse(fresh.has("features"), fresh.toString());
    }

    @Test
    void aPastedJsonFillsTheForm() throws IOException {
        String token = tokenOfThePage();
        Response r = withToken(token)
                .formParam("loadJson", new String(Files.readAllBytes(Path.of("samples", SAMPLE)), java.nio.charset.StandardCharsets.UTF_8))
                .formParam("action", "load").post("/proposals/new");
        Document doc = Jsoup.parse(r.then().statusCode(200).extract().asString());
        assertEquals("LS-2026-014", doc.selectFirst("input[name=id]").val());
        assertEquals("TRANSPORT", doc.selectFirst("select[name=sector] option[selected]").val());
        assertEquals("true", doc.selectFirst("input[name=location.communes[0].borderCommune][checked]").val());
        String broken = withToken(token).formParam("loadJson", "{\"id\": ")
                .formParam("action", "load").post("/proposals/new").then().statusCode(400).extract().asString();
        assertNotNull(Jsoup.parse(broken).getElementById("loadJson-problems"));
    }

    @Test
    void theAssessPageLinksTheFormAndTheTemplates() {
        Document doc = Jsoup.parse(given().get("/assess").then().statusCode(200).extract().asString());
        assertEquals("/proposals/new", doc.getElementById("to-form").attr("href"));
        String xlsx = doc.getElementById("template-xlsx").attr("href");
        given().get(xlsx).then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        byte[] csv = given().get(doc.getElementById("template-csv").attr("href")).then().statusCode(200).extract().asByteArray();
        assertEquals((byte) 0xEF, csv[0]);
    }
}
