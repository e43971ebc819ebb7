package vn.phendau.batch;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.phendau.batch.Fixtures.MINIMAL;
import static vn.phendau.batch.Fixtures.inlineRow;
import static vn.phendau.batch.Fixtures.items;
import static vn.phendau.batch.Fixtures.minimal;
import static vn.phendau.batch.Fixtures.row;
import static vn.phendau.batch.Fixtures.sheetXml;
import static vn.phendau.batch.Fixtures.stream;
import static vn.phendau.batch.Fixtures.withSheet;
import static vn.phendau.batch.Fixtures.xlsx;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.phendau.problem.Problem;
import vn.phendau.problem.ProblemException;

/** Reading an Excel list without the server: values as RowMapper expects them, and every hostile workbook refused. */
class XlsxItemReaderTest {

    private static List<BatchItem> read(byte[] xlsx) {
        return items(new XlsxItemReader(stream(xlsx), vn.phendau.Engine.READER.limits().stringChars()));
    }

    private static ProblemException refusal(byte[] xlsx) {
        return assertThrows(ProblemException.class, () -> read(xlsx));
    }

    private static String en(ProblemException e) {
        return e.problems().stream().map(p -> p.message().en()).reduce("", (a, b) -> a + " | " + b);
    }

    @Test
    void numbersArePlainDigitsBooleansAreBooleansAndVietnameseSurvives() {
        List<String> header = new ArrayList<>(MINIMAL);
        header.addAll(List.of("location.inBorderBelt", "location.distanceToBorderKm", "schedule.startYear", "location.communes"));
        List<BatchItem> items = read(xlsx(header, List.of(
                row("LS-1", "Đường tuần tra biên giới xã Tân Thanh – giai đoạn 2", "Lạng Sơn", "TRANSPORT", 95_000_000_000L,
                        true, new java.math.BigDecimal("0.4"), 2026, "Tân Thanh:true;Hoàng Văn Thụ:false"))));
        assertEquals(1, items.size());
        BatchItem item = items.get(0);
        assertEquals(List.of(), item.problems());
        JsonNode n = item.node();
        assertEquals("Đường tuần tra biên giới xã Tân Thanh – giai đoạn 2", n.get("name").asText());
        assertTrue(n.at("/investment/totalVnd").isNumber(), n.toString());
        assertEquals(95_000_000_000L, n.at("/investment/totalVnd").longValue());
        assertEquals("95000000000", n.at("/investment/totalVnd").asText());
        assertTrue(n.at("/location/inBorderBelt").isBoolean());
        assertTrue(n.at("/location/inBorderBelt").booleanValue());
        assertEquals("0.4", n.at("/location/distanceToBorderKm").decimalValue().toPlainString());
        assertEquals(2026, n.at("/schedule/startYear").intValue());
        assertEquals("Hoàng Văn Thụ", n.at("/location/communes/1/name").asText());
        assertFalse(n.at("/location/communes/1/borderCommune").booleanValue());
    }

    @Test
    void rawNumbersInTheFileAreReadAsTheirDigitsNotAsScientificNotation() {
        String rows = Fixtures.header(1)
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>N-1</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>n</t></is></c>"
                + "<c r=\"C2\" t=\"inlineStr\"><is><t>Cao Bằng</t></is></c><c r=\"D2\" t=\"inlineStr\"><is><t>ENERGY</t></is></c>"
                + "<c r=\"E2\"><v>9.5E10</v></c></row>";
        assertEquals("95000000000", XlsxItemReader.plain("9.5E10"));
        assertEquals("12", XlsxItemReader.plain("12.0"));
        assertEquals("0.1", XlsxItemReader.plain("0.1"));
        assertEquals("2026-11-20", XlsxItemReader.plain("2026-11-20"));
        List<BatchItem> items = read(withSheet(sheetXml("", rows)));
        assertEquals(95_000_000_000L, items.get(0).node().at("/investment/totalVnd").longValue());
        assertEquals(List.of(), items.get(0).problems());
    }

    @Test
    void blankCellsAreAbsentFieldsAndBlankRowsAreSkipped() {
        // C2 (the province) is missing from the XML altogether; row 3 is empty; row 4 holds only a styled blank.
        String rows = Fixtures.header(1)
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>B-1</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>b</t></is></c>"
                + "<c r=\"D2\" t=\"inlineStr\"><is><t>HEALTH</t></is></c><c r=\"E2\"><v>1000</v></c></row>"
                + "<row r=\"3\"/><row r=\"4\"><c r=\"A4\" s=\"0\"/></row>"
                + "<row r=\"5\"><c t=\"inlineStr\"><is><t>B-2</t></is></c><c t=\"inlineStr\"><is><t>không có địa chỉ ô</t></is></c></row>";
        List<BatchItem> items = read(withSheet(sheetXml("", rows)));
        assertEquals(2, items.size());
        JsonNode first = items.get(0).node();
        assertEquals("HEALTH", first.get("sector").asText());
        assertTrue(first.at("/location/province").isMissingNode(), first.toString());
        assertEquals("không có địa chỉ ô", items.get(1).node().get("name").asText(), "cells without an address follow each other");
        assertEquals(1, items.get(1).index());
    }

    @Test
    void onlyTheFirstSheetIsRead() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Fixtures.fill(wb, MINIMAL, List.of(minimal("F-1", "trang đầu", 1_000_000_000L)));
            Sheet notes = wb.createSheet("Ghi chú");
            notes.createRow(0).createCell(0).setCellValue("không phải cột nào cả");
            List<BatchItem> items = read(Fixtures.bytes(wb));
            assertEquals(1, items.size());
            assertEquals("F-1", items.get(0).node().get("id").asText());
        }
    }

    @Test
    void aDateCellIsAnIsoDate() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            List<String> header = new ArrayList<>(MINIMAL);
            header.add("assessmentDate");
            Fixtures.fill(wb, header, List.of(minimal("D-1", "d", 1_000_000_000L)));
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Cell c = wb.getSheetAt(0).getRow(1).createCell(5);
            c.setCellValue(LocalDate.of(2026, 11, 20));
            c.setCellStyle(date);
            assertEquals("2026-11-20", read(Fixtures.bytes(wb)).get(0).node().get("assessmentDate").asText());
        }
    }

    @Test
    void anExcelErrorInACellIsAProblemOfThatField() {
        String rows = Fixtures.header(1)
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>E-1</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>e</t></is></c>"
                + "<c r=\"C2\" t=\"inlineStr\"><is><t>Lạng Sơn</t></is></c><c r=\"D2\" t=\"inlineStr\"><is><t>TRANSPORT</t></is></c>"
                + "<c r=\"E2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c></row>";
        BatchItem item = read(withSheet(sheetXml("", rows))).get(0);
        Problem p = item.problems().get(0);
        assertEquals("investment.totalVnd", p.path());
        assertThat(p.message().en(), containsString("#DIV/0!"));
        assertThat(p.message().en(), containsString("E2"));
    }

    @Test
    void aHeaderOnlyListHasNoItemsAndAnEmptySheetIsRefused() {
        assertEquals(List.of(), read(xlsx(MINIMAL, List.of())));
        ProblemException e = refusal(withSheet(sheetXml("", "")));
        assertEquals(400, e.status());
        assertThat(en(e), containsString("no header row"));
    }

    @Test
    void anUnknownColumnRefusesTheList() {
        List<String> header = new ArrayList<>(MINIMAL);
        header.add("location.provnce");
        ProblemException e = refusal(xlsx(header, List.of()));
        assertEquals(400, e.status());
        assertThat(en(e), containsString("did you mean 'location.province'"));
    }

    @Test
    void anEncryptedWorkbookIsRefused() {
        ProblemException e = refusal(Fixtures.encrypted(xlsx(MINIMAL, List.of(minimal("S-1", "bí mật", 1L)))));
        assertEquals(415, e.status());
        assertThat(en(e), containsString("encrypted"));
    }

    @Test
    void aLegacyXlsIsRefused() {
        ProblemException e = refusal(Fixtures.legacyXls(MINIMAL, List.of(minimal("X-1", "cũ", 1L))));
        assertEquals(415, e.status());
        assertThat(en(e), containsString("legacy .xls"));
    }

    @Test
    void somethingElseIsNotAWorkbook() {
        assertEquals(415, refusal("id,name\nA,b\n".getBytes()).status());
        assertEquals(400, refusal(new byte[0]).status());
        byte[] good = xlsx(MINIMAL, List.of(minimal("T-1", "t", 1L)));
        ProblemException cut = refusal(java.util.Arrays.copyOf(good, good.length / 2));
        assertEquals(400, cut.status());
        assertThat(en(cut), containsString("cannot be read"));
    }

    @Test
    void macroEnabledWorkbooksAreRefused() {
        ProblemException byType = refusal(Fixtures.xlsm(MINIMAL, List.of(minimal("M-1", "m", 1L))));
        assertEquals(400, byType.status());
        assertThat(en(byType), containsString("macro-enabled"));
        ProblemException byPart = refusal(Fixtures.withVbaProject(xlsx(MINIMAL, List.of(minimal("M-2", "m", 1L)))));
        assertEquals(400, byPart.status());
        assertThat(en(byPart), containsString("macro-enabled"));
    }

    @Test
    void aZipBombIsRefusedWithoutUnzippingIt() {
        byte[] bomb = Fixtures.zipBomb();
        assertTrue(bomb.length < 2 * 1024 * 1024, "the bomb is small: " + bomb.length);
        long before = System.nanoTime();
        ProblemException e = refusal(bomb);
        assertEquals(413, e.status());
        assertThat(en(e), containsString("zip bomb"));
        assertTrue(System.nanoTime() - before < 10_000_000_000L, "refused at once, not after unzipping 200 MB");
    }

    @Test
    void anExternalEntityInTheSheetIsNeverResolved() {
        Path canary = Fixtures.canary();
        String rows = Fixtures.header(1) + inlineRow(2, "XXE-1", "&xxe;", "Lạng Sơn", "TRANSPORT", "1000");
        ProblemException e = refusal(withSheet(sheetXml(Fixtures.doctype("worksheet", canary), rows)));
        assertEquals(400, e.status());
        assertThat(en(e), containsString("DOCTYPE"));
        assertThat(e.problems().toString(), not(containsString("PHENDAU-CANARY-SECRET")));
    }

    @Test
    void anExternalEntityInTheSharedStringsIsNeverResolved() {
        Path canary = Fixtures.canary();
        byte[] good = xlsx(MINIMAL, List.of(minimal("XXE-2", "tên", 1L)));
        String sst = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + Fixtures.doctype("sst", canary)
                + "<sst xmlns=\"" + Fixtures.NS + "\" count=\"8\" uniqueCount=\"8\">"
                + "<si><t>id</t></si><si><t>name</t></si><si><t>location.province</t></si><si><t>sector</t></si>"
                + "<si><t>investment.totalVnd</t></si><si><t>XXE-2</t></si><si><t>&xxe;</t></si><si><t>Lạng Sơn</t></si></sst>";
        ProblemException e = refusal(Fixtures.rezip(good, Map.of("xl/sharedStrings.xml", sst)));
        assertEquals(400, e.status());
        assertThat(en(e), containsString("DOCTYPE"));
        assertThat(e.problems().toString(), not(containsString("PHENDAU-CANARY-SECRET")));
    }

    @Test
    void aCellOverTheTextLimitIsItsRowsProblemButAnAddressPastTheLastColumnRefusesTheList() {
        // 40,000 characters: past phendau.limits.string-chars (and Excel's own 32,767); read past, not held.
        String rows = Fixtures.header(1) + inlineRow(2, "L-1", "x".repeat(40_000), "Lạng Sơn", "TRANSPORT", "1000")
                + inlineRow(3, "L-2", "y", "Lạng Sơn", "TRANSPORT", "1000");
        List<BatchItem> items = read(withSheet(sheetXml("", rows)));
        assertEquals(2, items.size());
        assertEquals(List.of("name"), items.get(0).problems().stream().map(Problem::path).toList());
        assertEquals("longer than the limit of 20000 characters", items.get(0).problems().get(0).message().en());
        assertEquals(List.of(), items.get(1).problems());
        String wide = Fixtures.header(1) + "<row r=\"2\"><c r=\"ZZZZ2\" t=\"inlineStr\"><is><t>x</t></is></c></row>";
        assertEquals(400, refusal(withSheet(sheetXml("", wide))).status());
    }

    @Test
    void anAnswerWorkbookOpensCleanlyButIsNotAList() throws Exception {
        // What the writer makes is not a list (its first sheet is the summary), but the reader opens it cleanly.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxBatchWriter w = new XlsxBatchWriter(out);
        w.finish(new BatchSummary(0, 0, 0, Map.of()), List.of());
        ProblemException e = refusal(out.toByteArray());
        assertEquals(400, e.status());
        assertThat(e.titleEn(), equalTo("Invalid list header"));
    }
    @Test
    void aSingleCellInColumnXfdIsReadSparsely() {
        // Each row: its five fields, then one cell in XFD (column 16,384), under no header column. Padded to its last
        // cell, one row would be 16,384 cells, 5,000 rows some 80 million; read sparsely, a row costs its six cells,
        // as much as the same rows with that cell in G, next to the header.
        int n = 5_000;
        byte[] far = sparseRows(n, "XFD");
        byte[] near = sparseRows(n, "G");
        assertSparseRowsRead(read(near), n, 7);  // also warms up: what is measured next is the rows, not class loading
        long nearBytes = allocatedBy(() -> assertSparseRowsRead(read(near), n, 7));
        long farBytes = allocatedBy(() -> assertSparseRowsRead(read(far), n, 16_384));
        // Padded, XFD made each row a 16,384-slot list: over 1 GB allocated here, ten times the rows ending in G.
        assertTrue(farBytes < 2 * nearBytes, "reading " + n + " rows ending in XFD allocated " + (farBytes >> 20)
                + " MB, ending in G " + (nearBytes >> 20) + " MB");
    }

    /** A header with a blank cell far out (trimmed), then n rows of five fields and one cell in the given column. */
    private static byte[] sparseRows(int n, String column) {
        StringBuilder rows = new StringBuilder(Fixtures.header(1).replace("</row>",
                "<c r=\"" + column + "1\" t=\"inlineStr\"><is><t> </t></is></c></row>"));
        for (int r = 2; r <= n + 1; r++) {
            rows.append(inlineRow(r, "SP-" + r, "thưa", "Lạng Sơn", "TRANSPORT", "1000").replace("</row>",
                    "<c r=\"" + column + r + "\" t=\"inlineStr\"><is><t>" + (r % 2 == 0 ? "xa" : " ") + "</t></is></c></row>"));
        }
        return withSheet(sheetXml("", rows.toString()));
    }

    private static void assertSparseRowsRead(List<BatchItem> items, int n, int width) {
        assertEquals(n, items.size());
        for (BatchItem item : items) {
            int r = item.index() + 2;
            assertEquals("SP-" + r, item.node().get("id").asText());
            assertEquals(1000, item.node().at("/investment/totalVnd").intValue());
            if (r % 2 == 0) {
                // As a CSV row with a filled cell past the header: the item's problem, its fields still read.
                assertEquals(List.of("$"), item.problems().stream().map(Problem::path).toList());
                assertEquals("the row has " + width + " cells but the header has 5 columns", item.problems().get(0).message().en());
            } else {
                assertEquals(List.of(), item.problems(), "a blank cell past the header is no problem");
            }
        }
    }

    /** Bytes this thread allocated while running the action (HotSpot counts them per thread). */
    private static long allocatedBy(Runnable action) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        long before = threads.getCurrentThreadAllocatedBytes();
        action.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
