package vn.phendau.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.phendau.proposal.ProposalReader;

/**
 * samples/lists/: the CSV, JSON and Excel copies of the Lạng Sơn and Cao Bằng list hold the same projects and get
 * the same answer through the batch code, with the bad rows and the two DISC-3 findings its README describes.
 * Run with -Dphendau.samples.write=true to rewrite the JSON and Excel copies from the CSV.
 */
@QuarkusTest
class SampleListTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The rows that are invalid, by index, and the field each is invalid at (a path prefix). */
    private static final Map<Integer, String> INVALID = new LinkedHashMap<>(Map.of(
            5, "location.province",       // "Lạng Giang" is a district of Bắc Giang, not a province
            12, "schedule.endYear",       // ends in 2027, starts in 2029
            19, "investment.totalVnd",    // a negative total
            26, "sector",                 // RURAL_ROADS is no sector
            31, "id",                     // LS-2026-103 again
            37, "investment.sources"));   // "NATIONAL_TARGET_PROGRAM:5,6 tỷ"

    @Inject
    Lists lists;

    @Inject
    ProposalReader reader;

    @Test
    void theJsonAndExcelCopiesHoldTheCsvList() throws IOException {
        if (Boolean.getBoolean("phendau.samples.write")) {
            SampleLists.writeJson(SampleLists.JSON);
            SampleLists.writeXlsx(SampleLists.XLSX);
        }
        // Compared as parsed text, so that a number is a number whatever node the row mapper made of it.
        JsonNode fromCsv = MAPPER.readTree(MAPPER.writeValueAsString(SampleLists.json()));
        JsonNode committed = SampleLists.readJson();
        assertEquals(fromCsv.size(), committed.size());
        for (int i = 0; i < fromCsv.size(); i++) {
            assertEquals(fromCsv.get(i), committed.get(i), "item " + i + " of the JSON copy is the CSV's row");
        }
        List<BatchItem> csv = items(SampleLists.CSV);
        List<BatchItem> xlsx = items(SampleLists.XLSX);
        assertEquals(csv.size(), xlsx.size());
        for (int i = 0; i < csv.size(); i++) {
            assertEquals(csv.get(i).node(), xlsx.get(i).node(), "item " + i);
            assertEquals(paths(csv.get(i)), paths(xlsx.get(i)), "item " + i);
        }
    }

    @Test
    void theThreeFormatsGetTheSameAnswerWithTheExpectedFindings() throws IOException {
        JsonNode csv = answer(SampleLists.CSV);
        JsonNode json = answer(SampleLists.JSON);
        JsonNode xlsx = answer(SampleLists.XLSX);

        assertEquals(45, csv.at("/summary/total").asInt());
        assertEquals(INVALID.size(), csv.at("/summary/invalid").asInt());
        assertEquals(45 - INVALID.size(), csv.at("/results").size());
        for (JsonNode answer : List.of(json, xlsx)) {
            assertEquals(csv.get("summary"), answer.get("summary"));
            assertEquals(csv.get("results"), answer.get("results"));
            assertEquals(csv.get("portfolioFindings"), answer.get("portfolioFindings"));
        }

        for (JsonNode answer : List.of(csv, json, xlsx)) {
            Map<Integer, String> invalid = new LinkedHashMap<>();
            for (JsonNode e : answer.get("errors")) {
                String path = e.at("/problems/0/path").asText();
                invalid.put(e.get("index").asInt(), path);
                String expected = INVALID.get(e.get("index").asInt());
                assertTrue(expected != null && path.startsWith(expected), e.toString());
                assertEquals(1, e.get("problems").size(), e.toString());
            }
            assertEquals(INVALID.keySet(), invalid.keySet());
        }
        assertEquals("LS-2026-103", csv.at("/errors/4/projectId").asText());
        // The counts and the projects held back as the list's README gives them.
        assertEquals(MAPPER.readTree("{\"OUT_OF_SCOPE\": 0, \"NON_COMPLIANT\": 3, \"NEEDS_REVIEW\": 12, \"COMPLIANT\": 24}"),
                csv.at("/summary/byVerdict"));
        List<String> nonCompliant = new ArrayList<>();
        csv.get("results").forEach(r -> {
            if (r.get("verdict").asText().equals("NON_COMPLIANT")) {
                nonCompliant.add(r.get("projectId").asText());
            }
        });
        assertEquals(List.of("LS-2026-111", "LS-2026-118", "CB-2026-214"), nonCompliant);

        Map<String, List<String>> portfolio = new LinkedHashMap<>();
        for (JsonNode f : csv.get("portfolioFindings")) {
            List<String> ids = new ArrayList<>();
            f.get("projectIds").forEach(id -> ids.add(id.asText()));
            portfolio.put(f.get("ruleId").asText(), ids);
            assertTrue(f.at("/explanation/vi").asText().contains(ids.get(0)));
            assertTrue(f.get("citations").size() > 0);
        }
        assertEquals(Map.of(
                "DISC-3.overlap", List.of("LS-2026-105", "LS-2026-106"),
                "DISC-3.scattered", List.of("CB-2026-207", "CB-2026-208", "CB-2026-209", "CB-2026-210")), portfolio);
        assertTrue(csv.at("/portfolioFindings/0/explanation/en").asText().contains("Mẫu Sơn"));
    }

    /** The list's JSON answer, without what differs from run to run (the assessment's id and time). */
    private JsonNode answer(Path file) throws IOException {
        BatchFormat format = BatchFormat.forFileName(file.toString());
        Path spooled;
        try (InputStream in = Files.newInputStream(file)) {
            spooled = lists.spool(in, format);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            lists.assess(spooled, format, BatchFormat.JSON, out);
        } finally {
            Files.deleteIfExists(spooled);
        }
        JsonNode answer = MAPPER.readTree(out.toByteArray());
        answer.get("results").forEach(r -> ((ObjectNode) r).remove(List.of("assessmentId", "assessedAt")));
        return answer;
    }

    private List<BatchItem> items(Path file) throws IOException {
        return Fixtures.items(BatchFormat.forFileName(file.toString()).open(file, reader));
    }

    private static List<String> paths(BatchItem item) {
        return item.problems().stream().map(p -> p.path()).toList();
    }
}
