package vn.phendau.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.phendau.common.Json;
import vn.phendau.common.Text;

class LabelsTest {

    private static final JsonNode SCHEMA = Json.resource("schema/project-proposal.schema.json");
    private final Labels labels = Labels.shipped();

    /** Walks the schema's own JSON, not the labels' reading of it, so that a field the labels skip shows here. */
    @Test
    void everyFieldAndEveryCodeOfTheSchemaHasBothLabels() {
        List<String> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        walk(SCHEMA, "", problems, seen);
        assertTrue(seen.size() > 60, "the schema's fields were walked: " + seen.size());
        assertEquals(List.of(), problems);
    }

    private void walk(JsonNode node, String path, List<String> problems, List<String> seen) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            seen.add(at);
            JsonNode field = e.getValue();
            if (!field.path("title").asText().contains(" / ")) {
                problems.add(at + ": the schema's title is not \"vi / en\"");
            }
            check(at, labels.field(at), problems);
            JsonNode type = field.has("$ref") ? SCHEMA.at(field.get("$ref").asText().substring(1)) : field;
            JsonNode items = type.path("items");
            for (JsonNode code : type.has("enum") ? type.get("enum") : items.path("enum")) {
                seen.add(at + "=" + code.asText());
                check(at + "=" + code.asText(), labels.value(at, code.asText()), problems);
                if (labels.value(at, code.asText()).vi().equals(code.asText())) {
                    problems.add(at + "=" + code.asText() + ": no label, the code itself");
                }
            }
            walk(type, at, problems, seen);
            walk(items, at, problems, seen);
        }
    }

    private static void check(String what, Text label, List<String> problems) {
        if (label.vi().isBlank() || label.en().isBlank()) {
            problems.add(what + ": a label is blank: " + label);
        } else if (label.vi().equals(what) || label.en().equals(what)) {
            problems.add(what + ": the label is the path");
        } else if (!Normalizer.isNormalized(label.vi(), Normalizer.Form.NFC)) {
            problems.add(what + ": the Vietnamese label is not NFC");
        }
    }

    @Test
    void aFieldIsNamedAndItsCodeSaidInWords() {
        assertEquals(Text.of("Ý kiến Bộ Ngoại giao", "Foreign Affairs opinion"), labels.field("defenseSecurity.foreignAffairsOpinion"));
        assertEquals(Text.of("Đã đề nghị, chưa có ý kiến", "requested, not yet given"),
                labels.value("defenseSecurity.foreignAffairsOpinion", "REQUESTED"));
        assertEquals(Text.of("Ý kiến Bộ Ngoại giao: Đã đề nghị, chưa có ý kiến", "Foreign Affairs opinion: requested, not yet given"),
                labels.sentence("defenseSecurity.foreignAffairsOpinion", Json.MAPPER.getNodeFactory().textNode("REQUESTED")));
        // Indices are ignored; the codes of a list are its items'.
        assertEquals(labels.field("location.communes.borderCommune"), labels.field("location.communes[3].borderCommune"));
        assertEquals(Text.of("Internet băng rộng", "broadband"), labels.value("features", "BROADBAND"));
        // The derived values a rule reads have labels too, and their codes those of the field they stand for.
        assertEquals(Text.of("Nhóm C", "group C"), labels.value("derivedGroup", "C"));
        assertFalse(labels.field("durationYears").vi().equals("durationYears"));
        // Unknown paths and codes read as themselves rather than failing.
        assertEquals(Text.of("no.such", "no.such"), labels.field("no.such"));
        assertEquals(Text.of("NEW_CODE", "NEW_CODE"), labels.value("sector", "NEW_CODE"));
    }

    @Test
    void evidenceReadsAsAReviewerReadsIt() throws Exception {
        assertEquals(Text.of("95.000.000.000 đồng", "95,000,000,000 VND"), labels.evidence("investment.totalVnd", node("95000000000")));
        assertEquals(Text.of("2026", "2026"), labels.evidence("schedule.startYear", node("2026")));
        assertEquals(Text.of("12.500", "12,500"), labels.evidence("beneficiaries.population", node("12500")));
        assertEquals(Text.of("1,5", "1.5"), labels.evidence("environment.naturalForestConversionHa", node("1.5")));
        assertEquals(Text.of("có", "yes"), labels.evidence("planning.inProvincialPlan", node("true")));
        assertEquals(Text.of("không", "no"), labels.evidence("planning.inProvincialPlan", node("false")));
        Text notStated = Text.of("không có", "not stated");
        assertEquals(notStated, labels.evidence("features", node("[]")));
        assertEquals(notStated, labels.evidence("planning.inProvincialPlan", (JsonNode) null));
        assertEquals(notStated, labels.evidence("planning.inProvincialPlan", node("null")));
        assertEquals(notStated, labels.evidence("planning.provincialPlanRef", node("\"  \"")));
        assertEquals(Text.of("Internet băng rộng; Phủ sóng di động", "broadband; mobile coverage"),
                labels.evidence("features", node("[\"BROADBAND\",\"MOBILE_COVERAGE\"]")));
        assertEquals(Text.of("Sín Thầu (Xã biên giới: có); Chung Chải", "Sín Thầu (Border commune: yes); Chung Chải"),
                labels.evidence("location.communes", node("[{\"name\":\"Sín Thầu\",\"borderCommune\":true},{\"name\":\"Chung Chải\"}]")));
        assertEquals(Text.of("Ngân sách trung ương (Số vốn: 100.000.000.000 đồng, Đã bảo đảm: có)",
                        "central budget (Amount: 100,000,000,000 VND, Secured: yes)"),
                labels.evidence("investment.sources", node("[{\"type\":\"CENTRAL_BUDGET\",\"amountVnd\":100000000000,\"secured\":true}]")));
        assertEquals(Text.of("có", "yes"), labels.evidence("investment.sources[0].secured", node("true")));
        assertEquals(Text.of("3", "3"), labels.evidence("durationYears", 3));
        assertEquals(Text.of("Nhóm C", "group C"), labels.evidence("group", "C"));
        assertEquals(Text.of("Giao thông", "transport"), labels.evidence("sector", vn.phendau.proposal.Sector.TRANSPORT));
        assertEquals(Text.of("Lạng Sơn", "Lạng Sơn"), labels.evidence("location.province", "Lạng Sơn"));
    }

    @Test
    void aChangeReadsAsASentence() throws Exception {
        assertEquals(Text.of("Bổ sung vào kế hoạch đầu tư công trung hạn", "Add the project to the medium-term public investment plan"),
                labels.change("planning.inMediumTermInvestmentPlan", node("true")));
        assertEquals(Text.of("Điều chỉnh năm hoàn thành thành 2029", "Set the end year to 2029"), labels.change("schedule.endYear", node("2029")));
        assertEquals(Text.of("Bảo đảm nguồn vốn thứ 2 (bố trí, ký kết hoặc phê duyệt)", "Secure funding source 2 (allocated, signed or approved)"),
                labels.change("investment.sources[1].secured", node("true")));
        assertEquals(Text.of("Bổ sung nguồn vốn: Ngân sách địa phương (Số vốn: 5.000.000.000 đồng, Đã bảo đảm: không)",
                        "Add a funding source: local budget (Amount: 5,000,000,000 VND, Secured: no)"),
                labels.change("investment.sources[-]", node("{\"type\":\"LOCAL_BUDGET\",\"amountVnd\":5000000000,\"secured\":false}")));
        // A change no sentence is written for still reads in words.
        assertEquals(Text.of("Ý kiến Bộ Công an: Đồng ý có điều kiện", "Public Security opinion: agreed with conditions"),
                labels.change("defenseSecurity.securityOpinion", node("\"AGREED_WITH_CONDITIONS\"")));
    }

    /** Every sentence of vocabulary.json's changes names a field of the schema: a renamed field would leave it unused. */
    @Test
    void everyChangeSentenceNamesAField() {
        Json.resource("reference/vocabulary.json").path("changes").fieldNames().forEachRemaining(key -> {
            if (!key.equals("about")) {
                assertTrue(labels.knows(key.split("=")[0]), key);
            }
        });
    }

    /** The rule page names each placeholder of every rule's texts in words: none is left to read as its key. */
    @Test
    void everyPlaceholderOfTheRulesHasANameInWords() throws Exception {
        java.util.regex.Pattern text = java.util.regex.Pattern.compile("@(?:title|explain|remedy)_(?:vi|en)\\(\"((?:[^\"\\\\]|\\\\.)*)\"\\)");
        java.util.regex.Pattern placeholder = java.util.regex.Pattern.compile("\\{([^{}|]+)(?:\\|([^{}]*))?}");
        java.util.Set<String> unnamed = new java.util.TreeSet<>();
        int seen = 0;
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/rules"))) {
            for (java.nio.file.Path f : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                java.util.regex.Matcher m = text.matcher(java.nio.file.Files.readString(f));
                while (m.find()) {
                    java.util.regex.Matcher p = placeholder.matcher(m.group(1));
                    while (p.find()) {
                        seen++;
                        if (!labels.namesPlaceholder(p.group(1))) {
                            unnamed.add(p.group(1));
                        }
                    }
                }
            }
        }
        assertTrue(seen > 100, "the rules' placeholders were found: " + seen);
        assertEquals(java.util.Set.of(), unnamed);
        assertEquals(Text.of("tên tỉnh", "province name"), labels.placeholder("province"));
        assertEquals(Text.of("lĩnh vực", "sector"), labels.placeholder("sector"));
    }

    @Test
    void helpIsInBothLanguagesWhereTheSchemaExplains() {
        Text help = labels.help("defenseSecurity.dualUse").orElseThrow();
        assertTrue(help.vi().contains("lưỡng dụng") && help.en().contains("defence"), help.toString());
        assertTrue(labels.help("name").isEmpty());
    }

    @Test
    void theBeanAndTheStaticInstanceAgree() {
        assertEquals(Labels.shipped().paths(), new Labels().paths());
    }

    private static JsonNode node(String json) throws Exception {
        return Json.MAPPER.readTree(json);
    }
}
