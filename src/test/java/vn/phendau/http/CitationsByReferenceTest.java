package vn.phendau.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.phendau.http.ProblemAssert.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code ?citations=ref} and {@code Prefer: return=minimal}: the same answer as the default one, with each citation
 * and text written by its id and quoted once in the answer's {@code legal} and {@code texts} maps. Checked for every
 * sample and for the sample list, by putting the texts back and comparing with the default answer whole.
 */
@QuarkusTest
class CitationsByReferenceTest {

    private static final Path SAMPLES = Path.of("samples");

    @Test
    void everySampleCarriesTheSameFindingsAndCitationsByReference() throws IOException {
        List<Path> samples;
        try (Stream<Path> files = Files.list(SAMPLES)) {
            samples = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(samples.size() >= 24, "the samples were found: " + samples.size());
        for (Path sample : samples) {
            byte[] body = Files.readAllBytes(sample);
            JsonNode full = json(given().contentType("application/json").body(body).when().post("/api/v1/assessments"), sample);
            Response refAnswer = given().contentType("application/json").body(body).when().post("/api/v1/assessments?citations=ref");
            JsonNode ref = json(refAnswer, sample);
            assertNull(refAnswer.header("Preference-Applied"), "the parameter is not a preference");
            assertSameAnswer(full, ref, sample.toString());

            Response minimal = given().contentType("application/json").header("Prefer", "return=minimal").body(body)
                    .when().post("/api/v1/assessments");
            assertEquals("return=minimal", minimal.header("Preference-Applied"), sample.toString());
            assertSameAnswer(full, json(minimal, sample), sample + " (Prefer)");
        }
    }

    /** A list cites each paragraph once for the whole answer, not once per item. */
    @Test
    void aListQuotesEachParagraphOnceForTheWholeAnswer() throws IOException {
        byte[] list = Files.readAllBytes(Path.of("samples/lists/lang-son-cao-bang-2026-2030.json"));
        String fullText = given().contentType("application/json").body(list).when().post("/api/v1/assessments/batch")
                .then().statusCode(200).extract().asString();
        String refText = given().contentType("application/json").body(list).when().post("/api/v1/assessments/batch?citations=ref")
                .then().statusCode(200).extract().asString();
        JsonNode full = Payloads.MAPPER.readTree(fullText);
        JsonNode ref = Payloads.MAPPER.readTree(refText);
        assertTrue(ref.get("legal").size() > 5 && ref.get("texts").size() > 20 && ref.get("templates").size() > 10, "the maps are there");
        for (String field : List.of("results", "errors", "portfolioFindings", "summary")) {
            assertEquals(strip(full.get(field)), resolve(full.get(field), expand(ref.get(field), ref), ref, field), field);
        }
        String paragraph = ref.get("legal").get("III.2.g-1").get("text").asText();
        assertEquals(1, count(refText, paragraph), "III.2.g-1 is quoted once in the list's answer");
        assertTrue(count(fullText, paragraph) > 40, "and many times in the default one");
        // 327,494 characters against 1,405,483 when this was written: a quarter is the bound.
        assertTrue(refText.length() * 4 < fullText.length(), refText.length() + " bytes by reference against " + fullText.length());
    }

    @Test
    void labelsAddTheEvidenceAsAReviewerReadsIt() {
        Response r = given().contentType("application/json").body(Payloads.sample()).when().post("/api/v1/assessments?labels=en");
        JsonNode a = json(r, Path.of("01"));
        JsonNode labelled = null;
        for (JsonNode f : a.get("findings")) {
            if (f.get("evidence").has("investment.totalVnd")) {
                labelled = f.get("evidenceLabels").get("investment.totalVnd");
            }
            assertEquals(f.get("evidence").size(), f.get("evidenceLabels").size(), f.get("ruleId").asText());
        }
        assertEquals("Total investment", labelled.get("field").asText());
        assertEquals("95,000,000,000 VND", labelled.get("value").asText());
        // Without the parameter, the answer has no labels.
        JsonNode plain = json(given().contentType("application/json").body(Payloads.sample()).when().post("/api/v1/assessments"), Path.of("01"));
        assertNull(plain.get("findings").get(0).get("evidenceLabels"));
    }

    @Test
    void anUnknownValueIsTheClientsMistake() {
        problem(given().contentType("application/json").body(Payloads.sample()).when().post("/api/v1/assessments?citations=refs"),
                400).at("citations");
        problem(given().contentType("application/json").body(Payloads.sample()).when().post("/api/v1/assessments?labels=fr"),
                400).at("labels");
    }

    private static JsonNode json(Response r, Path sample) {
        assertEquals(200, r.statusCode(), sample + ": " + r.asString());
        try {
            return Payloads.MAPPER.readTree(r.asString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The answer by reference, its ids put back, is the default answer; its findings have the same rule ids and cite
     * the same paragraphs in the same order; its maps hold what it refers to and nothing else.
     */
    private static void assertSameAnswer(JsonNode full, JsonNode ref, String what) {
        List<String> fullCitations = new ArrayList<>();
        List<String> refCitations = new ArrayList<>();
        ObjectNode rest = ((ObjectNode) ref.deepCopy());
        rest.remove(MAPS);
        JsonNode expanded = expand(rest, ref);
        for (int i = 0; i < full.get("findings").size(); i++) {
            JsonNode f = full.get("findings").get(i);
            JsonNode g = expanded.get("findings").get(i);
            assertEquals(f.get("ruleId"), g.get("ruleId"), what);
            for (JsonNode c : f.get("citations")) {
                fullCitations.add(f.get("ruleId").asText() + " " + (c.has("paragraph") ? c.get("paragraph").asText() : c.get("document").asText()));
            }
            for (JsonNode id : g.get("citations")) {
                assertTrue(id.isTextual(), what + ": a citation by reference is its id: " + id);
                JsonNode c = ref.get("legal").get(id.asText());
                refCitations.add(g.get("ruleId").asText() + " " + (c.has("paragraph") ? c.get("paragraph").asText() : c.get("document").asText()));
            }
        }
        assertEquals(full.get("findings").size(), ref.get("findings").size(), what);
        assertEquals(fullCitations, refCitations, what);
        assertEquals(strip(full), resolve(full, expanded, ref, what), what);
    }

    private static final List<String> MAPS = List.of("legal", "texts", "templates", "rules", "criteria", "scoreGroups", "ruleset");

    /**
     * A compact answer put back in the default shape from its maps alone, as README.md says a client does: each
     * finding's left-out members from its rule's entry in {@code rules} (and its evidence values named by the
     * rule's evidence names), no missing field and no remedy when left out, every criterion of {@code criteria} in
     * the checklist (when left out: the outcome and severity of its first finding, NOT_APPLICABLE without one), each score group's title and cap from {@code scoreGroups}.
     */
    static JsonNode expand(JsonNode node, JsonNode maps) {
        JsonNode copy = node.deepCopy();
        expandIn(copy, maps);
        return copy;
    }

    private static void expandIn(JsonNode node, JsonNode maps) {
        if (node instanceof ObjectNode a && a.get("findings") != null && a.get("checklist") != null) {
            for (JsonNode f : a.get("findings")) {
                ObjectNode finding = (ObjectNode) f;
                JsonNode rule = maps.get("rules").get(finding.get("ruleId").asText());
                assertTrue(rule != null, "the rule " + finding.get("ruleId") + " is in the answer's rules");
                for (String m : List.of("criterion", "outcome", "severity", "points", "title", "citations")) {
                    if (!finding.has(m)) {
                        finding.set(m, rule.get(m));
                    }
                }
                if (finding.get("evidence").isArray()) {
                    ObjectNode evidence = Payloads.MAPPER.createObjectNode();
                    for (int i = 0; i < rule.get("evidence").size(); i++) {
                        evidence.set(rule.get("evidence").get(i).asText(), finding.get("evidence").get(i));
                    }
                    finding.set("evidence", evidence);
                }
                if (!finding.has("missingFields")) {
                    finding.putArray("missingFields");
                }
                if (!finding.has("remedy")) {
                    finding.putNull("remedy");
                }
            }
            var checklist = Payloads.MAPPER.createArrayNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = maps.get("criteria").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> criterion = it.next();
                ObjectNode entry = entryOf(a.get("checklist"), "criterion", criterion.getKey());
                for (JsonNode f : a.get("findings")) {
                    if (entry == null && f.get("criterion").asText().equals(criterion.getKey())) {
                        entry = Payloads.MAPPER.createObjectNode().put("criterion", criterion.getKey());
                        entry.set("outcome", f.get("outcome"));
                        entry.set("severity", f.get("severity"));
                    }
                }
                if (entry == null) {
                    entry = Payloads.MAPPER.createObjectNode().put("criterion", criterion.getKey());
                    entry.put("outcome", "NOT_APPLICABLE").putNull("severity");
                }
                if (!entry.has("title")) {
                    entry.set("title", criterion.getValue().get("title"));
                }
                checklist.add(entry);
            }
            a.set("checklist", checklist);
            var breakdown = Payloads.MAPPER.createArrayNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = maps.get("scoreGroups").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> group = it.next();
                ObjectNode g = entryOf(a.get("scoreBreakdown"), "group", group.getKey());
                if (g == null) {
                    g = Payloads.MAPPER.createObjectNode().put("group", group.getKey()).put("points", 0);
                }
                for (String m : List.of("title", "max")) {
                    if (!g.has(m)) {
                        g.set(m, group.getValue().get(m));
                    }
                }
                breakdown.add(g);
            }
            a.set("scoreBreakdown", breakdown);
            ObjectNode path = (ObjectNode) a.get("pathToCompliance");
            for (String m : List.of("changes", "remaining")) {
                if (!path.has(m)) {
                    path.putArray(m);
                }
            }
            if (!a.has("ruleset")) {
                a.set("ruleset", maps.get("ruleset"));
            }
            return;
        }
        node.forEach(child -> expandIn(child, maps));
    }

    /** A copy of the entry of a compact list (a checklist, a score breakdown) that is the key's, or null: it was left out. */
    private static ObjectNode entryOf(JsonNode entries, String member, String key) {
        for (JsonNode e : entries) {
            if (e.get(member).asText().equals(key)) {
                return (ObjectNode) e.deepCopy();
            }
        }
        return null;
    }

    /**
     * The reference answer with each id put back where the default answer has a citation or a text; any other
     * difference is left as it is, to show in the comparison.
     */
    private static JsonNode resolve(JsonNode full, JsonNode ref, JsonNode maps, String where) {
        if (ref != null && ref.has("template") && full != null && full.has("vi")) {
            // A text as words and values: each {n} of the words is the n-th value, in each language.
            JsonNode words = maps.get("templates").get(ref.get("template").asText());
            assertTrue(words != null, where + ": the template " + ref.get("template") + " is in the answer's map");
            ObjectNode text = Payloads.MAPPER.createObjectNode();
            text.put("vi", fill(words.get("vi").asText(), ref.get("vi")));
            text.put("en", fill(words.get("en").asText(), ref.has("en") ? ref.get("en") : ref.get("vi")));
            return text;
        }
        if (ref != null && ref.isTextual() && full != null && full.isObject()) {
            JsonNode found = full.has("document") ? maps.get("legal").get(ref.asText())
                    : full.has("vi") ? maps.get("texts").get(ref.asText()) : null;
            assertTrue(found != null, where + ": the id " + ref + " is in the answer's map");
            return strip(found);
        }
        if (ref == null || full == null || ref.getNodeType() != full.getNodeType() || !ref.isContainerNode()) {
            return strip(ref);
        }
        if (ref.isArray()) {
            var out = Payloads.MAPPER.createArrayNode();
            for (int i = 0; i < ref.size(); i++) {
                out.add(resolve(full.get(i), ref.get(i), maps, where + "[" + i + "]"));
            }
            return out;
        }
        ObjectNode out = Payloads.MAPPER.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = ref.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.set(e.getKey(), resolve(full.get(e.getKey()), e.getValue(), maps, where + "." + e.getKey()));
        }
        return strip(out);
    }

    /** Without what differs from one answer to the next whatever the parameters: the id and time of the assessment. */
    private static JsonNode strip(JsonNode node) {
        if (node == null || !node.isContainerNode()) {
            return node;
        }
        JsonNode copy = node.deepCopy();
        removeTimes(copy);
        return copy;
    }

    private static void removeTimes(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove(List.of("assessmentId", "assessedAt"));
        }
        node.forEach(CitationsByReferenceTest::removeTimes);
    }

    private static String fill(String words, JsonNode values) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\d+)}").matcher(words);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(values.get(Integer.parseInt(m.group(1))).asText()));
        }
        return m.appendTail(out).toString();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }
}
