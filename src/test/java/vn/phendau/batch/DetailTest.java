package vn.phendau.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.phendau.Engine;
import vn.phendau.assessment.Assessment;
import vn.phendau.assessment.Detail;
import vn.phendau.assessment.Finding;
import vn.phendau.problem.Problem;
import vn.phendau.proposal.ProjectProposal;

/**
 * A CSV or Excel answer assesses its items with no more words than it shows ({@link BatchSink#detail()}); what it
 * shows must be exactly what a full assessment gives.
 */
class DetailTest {

    @Test
    void lessDetailLeavesOutWordsAndThePathButNotTheVerdictScoreOrFindings() {
        for (JsonNode sample : Fixtures.samples()) {
            ProjectProposal p = Engine.READER.read(sample.toString().getBytes(StandardCharsets.UTF_8));
            Assessment full = Engine.SERVICE.assess(p, sample, Detail.FULL);
            for (Detail detail : List.of(Detail.FINDINGS, Detail.SUMMARY)) {
                Assessment less = Engine.SERVICE.assess(p, sample, detail);
                String id = p.id() + " at " + detail;
                assertNotNull(full.pathToCompliance(), id);
                assertNull(less.pathToCompliance(), id);
                assertEquals(full.verdict(), less.verdict(), id);
                assertEquals(full.score(), less.score(), id);
                assertEquals(full.scoreBreakdown(), less.scoreBreakdown(), id);
                assertEquals(full.summary(), less.summary(), id);
                assertEquals(full.checklist(), less.checklist(), id);
                assertEquals(full.province(), less.province(), id);
                assertEquals(full.projectGroup(), less.projectGroup(), id);
                assertEquals(full.findings().size(), less.findings().size(), id);
                for (int i = 0; i < full.findings().size(); i++) {
                    Finding f = full.findings().get(i);
                    Finding g = less.findings().get(i);
                    if (detail == Detail.FINDINGS) {
                        assertEquals(f, g, id);
                        continue;
                    }
                    assertEquals(List.of(f.ruleId(), f.criterion(), f.outcome(), f.severity(), f.points(), f.title()),
                            List.of(g.ruleId(), g.criterion(), g.outcome(), g.severity(), g.points(), g.title()), id);
                    assertEquals(f.remedy() == null, g.remedy() == null, id);
                    if (f.remedy() != null) {
                        assertEquals(f.remedy().fixableByChange(), g.remedy().fixableByChange(), id);
                    }
                    assertNull(g.explanation(), id);
                    assertTrue(g.citations().isEmpty() && g.evidence().isEmpty(), id);
                }
            }
        }
    }

    @Test
    void theCsvAnswerIsTheSameAssessedInSummaryOrInFull() throws IOException {
        assertEquals(Detail.SUMMARY, new CsvBatchWriter(new ByteArrayOutputStream()).detail());
        for (Lists list : lists()) {
            ByteArrayOutputStream summary = new ByteArrayOutputStream();
            ByteArrayOutputStream full = new ByteArrayOutputStream();
            list.run(new CsvBatchWriter(summary));
            list.run(inFull(new CsvBatchWriter(full)));
            String csv = summary.toString(StandardCharsets.UTF_8);
            assertEquals(full.toString(StandardCharsets.UTF_8), csv, list.name());
            assertTrue(csv.contains("PROJECT,") && csv.contains("INVALID,"), list.name());
            assertTrue(csv.contains("PORTFOLIO,") || list.name().equals("samples"), list.name());  // only the sample list has DISC-3
        }
    }

    @Test
    void theExcelAnswerIsTheSameWithoutThePathToCompliance() throws IOException {
        for (Lists list : lists()) {
            ByteArrayOutputStream findings = new ByteArrayOutputStream();
            ByteArrayOutputStream full = new ByteArrayOutputStream();
            try (XlsxBatchWriter w = new XlsxBatchWriter(findings)) {
                assertEquals(Detail.FINDINGS, w.detail());
                list.run(w);
            }
            try (XlsxBatchWriter w = new XlsxBatchWriter(full)) {
                list.run(inFull(w));
            }
            assertEquals(cells(full.toByteArray()), cells(findings.toByteArray()), list.name());
        }
    }

    /** A list to assess again for each sink: the sample list (CSV) and the samples with two bad items (JSON). */
    private record Lists(String name, Path file) {

        void run(BatchSink sink) throws IOException {
            try (ItemReader items = BatchFormat.forFileName(file.toString()).open(file, Engine.READER)) {
                Engine.BATCH.run(items, sink);
            }
        }
    }

    private static List<Lists> lists() throws IOException {
        ArrayNode samples = Fixtures.MAPPER.createArrayNode();
        Fixtures.samples().forEach(samples::add);
        samples.insertObject(3).put("id", "BAD-1").put("name", "Thiếu tỉnh và lĩnh vực");
        samples.insert(7, Fixtures.samples().get(0));  // a duplicate id
        Path json = Files.createTempFile("phendau-detail", ".json");
        json.toFile().deleteOnExit();
        Files.writeString(json, samples.toString());
        return List.of(new Lists("sample list", SampleLists.CSV), new Lists("samples", json));
    }

    /** The sink as it is, except that it asks for full assessments. */
    private static BatchSink inFull(BatchSink sink) {
        return new BatchSink() {
            @Override
            public void result(int index, Assessment assessment) throws IOException {
                assertNotNull(assessment.pathToCompliance());
                sink.result(index, assessment);
            }

            @Override
            public void error(int index, String projectId, List<Problem> problems) throws IOException {
                sink.error(index, projectId, problems);
            }

            @Override
            public void error(int index, String projectId, String name, String province, List<Problem> problems)
                    throws IOException {
                sink.error(index, projectId, name, province, problems);
            }

            @Override
            public void finish(BatchSummary summary, List<PortfolioFinding> portfolioFindings) throws IOException {
                sink.finish(summary, portfolioFindings);
            }
        };
    }

    /** Every cell of every sheet as text, the time the workbook was written aside. */
    private static List<String> cells(byte[] xlsx) throws IOException {
        List<String> out = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook wb = Fixtures.open(xlsx)) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    row.forEach(c -> {
                        String text = format.formatCellValue(c);
                        out.add(sheet.getSheetName() + "!" + c.getAddress() + "=" + (isInstant(text) ? "(time)" : text));
                    });
                }
            }
        }
        assertTrue(out.size() > 100);
        return out;
    }

    private static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
