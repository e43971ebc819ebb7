package vn.phendau.batch;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.phendau.batch.Fixtures.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.phendau.Engine;
import vn.phendau.assessment.Verdict;
import vn.phendau.problem.Problem;

/** The Excel answer, written from real assessments (the engine wired by hand) and read back with POI. */
class XlsxBatchWriterTest {

    private static byte[] answer(JsonNode list) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ItemReader items = new JsonItemReader(new ByteArrayInputStream(list.toString().getBytes(StandardCharsets.UTF_8)), Engine.READER)) {
            Engine.BATCH.run(items, new XlsxBatchWriter(out));
        }
        return out.toByteArray();
    }

    private static ArrayNode samplesAndBadOnes() {
        ArrayNode list = Fixtures.MAPPER.createArrayNode();
        Fixtures.samples().forEach(list::add);
        list.insertObject(3).put("id", "BAD-1").put("name", "Thiếu tỉnh và lĩnh vực");
        list.insert(7, Fixtures.samples().get(0));  // a duplicate id
        return list;
    }

    @Test
    void fourSheetsProjectsInInputOrderVerdictsInColourAndVietnameseIntact() throws IOException {
        ArrayNode list = samplesAndBadOnes();
        try (XSSFWorkbook wb = Fixtures.open(answer(list))) {
            assertEquals(List.of(XlsxBatchWriter.SUMMARY, XlsxBatchWriter.PROJECTS, XlsxBatchWriter.FINDINGS, XlsxBatchWriter.PORTFOLIO),
                    Fixtures.sheetNames(wb));
            Sheet projects = wb.getSheet(XlsxBatchWriter.PROJECTS);
            assertEquals(list.size(), projects.getLastRowNum(), "one row per item under the header");
            int colours = 0;
            for (int i = 0; i < list.size(); i++) {
                Row r = projects.getRow(i + 1);
                assertEquals(i, (int) r.getCell(0).getNumericCellValue(), "input order");
                assertEquals(list.get(i).path("id").asText(), text(r, 1));
                String verdict = text(r, 4);
                if (i == 3 || i == 7) {
                    assertEquals("INVALID", verdict);
                    assertFalse(text(r, 17).isBlank(), "an invalid row says why");
                    continue;
                }
                assertEquals(list.get(i).get("name").asText(), text(r, 2), "Vietnamese names round-trip");
                String rgb = ((XSSFCellStyle) r.getCell(4).getCellStyle()).getFillForegroundXSSFColor().getARGBHex();
                assertEquals("FF" + XlsxBatchWriter.COLOURS.get(Verdict.valueOf(verdict)), rgb, "colour of " + verdict);
                colours++;
            }
            assertEquals(list.size() - 2, colours);
            assertThat(text(projects.getRow(8), 17), containsString("duplicate id 'LS-2026-014'"));
            // The earlier item is named as the list page numbers rows, from 1, and the message says so: it is the
            // first item of the list, whose index is 0.
            assertThat(text(projects.getRow(8), 17), containsString("item 1 of the list (counting from 1)"));
            assertThat(text(projects.getRow(4), 17), containsString("location"));

            Sheet summary = wb.getSheet(XlsxBatchWriter.SUMMARY);
            assertEquals("Items", text(summary.getRow(3), 1));
            assertEquals(list.size(), (int) summary.getRow(3).getCell(2).getNumericCellValue());
            assertEquals(2, (int) summary.getRow(5).getCell(2).getNumericCellValue(), "invalid");
            assertEquals("COMPLIANT", text(summary.getRow(6), 1));
            assertEquals("FFC6EFCE", ((XSSFCellStyle) summary.getRow(6).getCell(1).getCellStyle()).getFillForegroundXSSFColor().getARGBHex());

            Sheet findings = wb.getSheet(XlsxBatchWriter.FINDINGS);
            assertTrue(findings.getLastRowNum() > list.size(), "many findings");
            boolean cited = false;
            for (Row r : findings) {
                if (r.getRowNum() > 0 && "URG-1.essential-infrastructure".equals(text(r, 2)) && "LS-2026-014".equals(text(r, 1))) {
                    assertThat(text(r, 11), startsWith("23/NQ-CP "));
                    assertFalse(text(r, 9).isBlank());
                    assertFalse(text(r, 10).isBlank());
                    cited = true;
                }
            }
            assertTrue(cited, "the Lạng Sơn road's URG-1 finding is listed with its citation");
            assertNoFormulas(wb);
        }
    }

    @Test
    void threeSmallRoadsOfOneProvinceAreAPortfolioFinding() throws IOException {
        ArrayNode list = Fixtures.MAPPER.createArrayNode();
        for (String[] p : new String[][] {{"LS-A", "12000000000"}, {"LS-B", "9000000000"}, {"LS-C", "15900000000"}}) {
            ObjectNode n = list.addObject().put("id", p[0]).put("name", "Đường " + p[0]).put("sector", "TRANSPORT");
            n.putObject("location").put("province", "Lạng Sơn");
            n.putObject("investment").put("totalVnd", Long.parseLong(p[1]));
        }
        try (XSSFWorkbook wb = Fixtures.open(answer(list))) {
            Sheet portfolio = wb.getSheet(XlsxBatchWriter.PORTFOLIO);
            assertEquals(1, portfolio.getLastRowNum());
            Row r = portfolio.getRow(1);
            assertEquals("DISC-3.scattered", text(r, 0));
            assertEquals("LS-A, LS-B, LS-C", text(r, 3));
            assertThat(text(r, 8), containsString("23/NQ-CP III.2.g-1"));
            assertEquals(1, (int) wb.getSheet(XlsxBatchWriter.SUMMARY).getRow(10).getCell(2).getNumericCellValue());
        }
    }

    @Test
    void formulasNeverRunTheyAreNeutralisedStringCells() throws IOException {
        ArrayNode list = Fixtures.MAPPER.createArrayNode();
        String[] names = {"=HYPERLINK(\"http://x\")", "+cmd", "-2+3", "@SUM(A1)"};
        for (int i = 0; i < names.length; i++) {
            ObjectNode n = list.addObject().put("id", "F-" + i).put("name", names[i]).put("sector", "TRANSPORT");
            n.putObject("location").put("province", "Lạng Sơn");
            n.putObject("investment").put("totalVnd", 50_000_000_000L);
        }
        list.addObject().put("id", "=1+1");  // an invalid item: its id is written too
        try (XSSFWorkbook wb = Fixtures.open(answer(list))) {
            Sheet projects = wb.getSheet(XlsxBatchWriter.PROJECTS);
            for (int i = 0; i < names.length; i++) {
                Cell c = projects.getRow(i + 1).getCell(2);
                assertEquals(CellType.STRING, c.getCellType());
                assertEquals("'" + names[i], c.getStringCellValue());
                assertTrue(c.getCellStyle().getQuotePrefixed(), "kept as text when edited");
            }
            Cell id = projects.getRow(5).getCell(1);
            assertEquals(CellType.STRING, id.getCellType());
            assertEquals("'=1+1", id.getStringCellValue());
            assertFalse(projects.getRow(1).getCell(1).getCellStyle().getQuotePrefixed(), "ordinary text is left alone");
            assertNoFormulas(wb);
        }
    }

    @Test
    void textPastExcelsCellLimitIsCutNotFatal() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxBatchWriter w = new XlsxBatchWriter(out);
        w.error(0, "LONG-1", List.of(Problem.at("name", "x".repeat(40_000), "y".repeat(40_000))));
        w.finish(new BatchSummary(1, 0, 1, Map.of()), List.of());
        try (XSSFWorkbook wb = Fixtures.open(out.toByteArray())) {
            String problems = text(wb.getSheet(XlsxBatchWriter.PROJECTS).getRow(1), 17);
            assertEquals(XlsxBatchWriter.MAX_TEXT, problems.length());
            assertThat(problems, endsWith("…"));
        }
    }

    @Test
    void charactersXmlCannotHoldDoNotBreakTheWorkbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxBatchWriter w = new XlsxBatchWriter(out);
        w.error(0, "CTRL-\u0001-\uFFFF-\uD800-Đ", List.of(Problem.at("\tname", "\u0000", "\rx")));
        w.finish(new BatchSummary(1, 0, 1, Map.of()), List.of());
        try (XSSFWorkbook wb = Fixtures.open(out.toByteArray())) {
            Row r = wb.getSheet(XlsxBatchWriter.PROJECTS).getRow(1);
            assertThat(text(r, 1), startsWith("CTRL-"));
            assertThat(text(r, 1), endsWith("-Đ"));
            assertThat(text(r, 17), startsWith("'"));
        }
    }

    @Test
    void constructionWritesNothingSoItCannotFailAfterTheAnswerHasBegun() {
        OutputStream refusing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("nothing may be written before finish");
            }
        };
        XlsxBatchWriter w = new XlsxBatchWriter(refusing);
        assertNotNull(w);
        w.close();
        w.close();  // twice is harmless
    }

    @Test
    void anEmptyListIsAWorkbookWithHeadersOnly() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxBatchWriter(out).finish(new BatchSummary(0, 0, 0, Map.of("COMPLIANT", 0)), List.of());
        try (XSSFWorkbook wb = Fixtures.open(out.toByteArray())) {
            assertEquals(0, wb.getSheet(XlsxBatchWriter.PROJECTS).getLastRowNum());
            assertEquals("Mã dự án / Project id", text(wb.getSheet(XlsxBatchWriter.PROJECTS).getRow(0), 1));
            assertNull(wb.getSheet(XlsxBatchWriter.FINDINGS).getRow(1));
        }
    }

    static void assertNoFormulas(XSSFWorkbook wb) {
        for (Sheet s : wb) {
            for (Row r : s) {
                for (Cell c : r) {
                    assertTrue(c.getCellType() != CellType.FORMULA, s.getSheetName() + " " + c.getAddress() + " is a formula");
                }
            }
        }
    }
}
