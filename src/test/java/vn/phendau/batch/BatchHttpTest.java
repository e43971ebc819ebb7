package vn.phendau.batch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.phendau.batch.Fixtures.MINIMAL;
import static vn.phendau.batch.Fixtures.XLSX;
import static vn.phendau.batch.Fixtures.minimal;
import static vn.phendau.batch.Fixtures.row;
import static vn.phendau.batch.Fixtures.text;
import static vn.phendau.http.ProblemAssert.problem;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.phendau.assessment.Verdict;
import vn.phendau.http.ProblemAssert;

/**
 * POST /api/v1/assessments/batch with every format in and out: the shipped samples as JSON, CSV and Excel lists
 * get the verdicts a single request gets; mixed lists account for every item; hostile workbooks are refused as
 * problem+json and the service goes on answering.
 */
@QuarkusTest
class BatchHttpTest {

    static final String BATCH = "/api/v1/assessments/batch";
    static final String VIETNAMESE = "Đường tuần tra biên giới xã Tân Thanh – giai đoạn 2 (Lạng Sơn)";

    private static final List<JsonNode> SAMPLES = Fixtures.samples();
    private static final List<Map<String, Object>> FLAT = SAMPLES.stream().map(Fixtures::flatten).toList();
    private static final List<String> HEADER = Fixtures.header(FLAT);
    private static final List<List<Object>> ROWS = Fixtures.cells(HEADER, FLAT);

    private static Response post(String contentType, byte[] body, String accept) {
        return given().contentType(contentType).accept(accept).body(body).when().post(BATCH);
    }

    private static JsonPath json(Response r) {
        r.then().statusCode(200).contentType(startsWith("application/json"));
        return r.jsonPath();
    }

    /** Each sample's verdict and score in the list's answer are those of samples/expected. */
    private static void assertSampleVerdicts(JsonPath answer) {
        assertEquals(SAMPLES.size(), answer.getInt("summary.total"));
        assertEquals(SAMPLES.size(), answer.getInt("summary.assessed"), answer.prettify());
        for (int i = 0; i < SAMPLES.size(); i++) {
            String id = SAMPLES.get(i).get("id").asText();
            JsonNode expected = Fixtures.expected(id);
            assertEquals(i, answer.getInt("results[" + i + "].index"));
            assertEquals(id, answer.getString("results[" + i + "].projectId"));
            assertEquals(expected.get("verdict").asText(), answer.getString("results[" + i + "].verdict"), id);
            assertEquals(expected.get("score").asInt(), answer.getInt("results[" + i + "].score"), id);
            assertEquals(SAMPLES.get(i).get("name").asText(), answer.getString("results[" + i + "].projectName"), id);
        }
    }

    /** The CSV answer's records, read as the service reads CSV. */
    static List<List<String>> csvRecords(Response r) {
        r.then().statusCode(200).contentType(startsWith("text/csv"));
        String body = new String(r.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(body.startsWith("\uFEFF"), "Excel-friendly BOM");
        CsvRows rows = new CsvRows(new StringReader(body));
        List<List<String>> out = new ArrayList<>();
        rows.forEachRemaining(out::add);
        return out;
    }

    private static XSSFWorkbook workbook(Response r) {
        r.then().statusCode(200).contentType(startsWith(XLSX)).header("Content-Disposition", containsString(".xlsx"));
        return Fixtures.open(r.asByteArray());
    }

    // ---- each format in and out ------------------------------------------------------------------------------

    @Test
    void jsonInJsonOut() {
        byte[] list = Fixtures.MAPPER.valueToTree(SAMPLES).toString().getBytes(StandardCharsets.UTF_8);
        assertSampleVerdicts(json(post("application/json", list, "application/json")));
    }

    @Test
    void csvInCsvOut() {
        List<List<String>> records = csvRecords(post("text/csv", Fixtures.csv(HEADER, ROWS, ',', true), "text/csv"));
        List<String> header = records.get(0);
        assertEquals(List.of("kind", "index", "id", "name", "province", "verdict", "score"), header.subList(0, 7));
        for (int i = 0; i < SAMPLES.size(); i++) {
            List<String> rec = records.get(i + 1);
            JsonNode expected = Fixtures.expected(SAMPLES.get(i).get("id").asText());
            assertEquals(List.of("PROJECT", String.valueOf(i), SAMPLES.get(i).get("id").asText(), SAMPLES.get(i).get("name").asText()),
                    rec.subList(0, 4), "Vietnamese names round-trip");
            assertEquals(expected.get("verdict").asText(), rec.get(5));
            assertEquals(expected.get("score").asText(), rec.get(6));
        }
    }

    @Test
    void csvWithAndWithoutBomAndWithSemicolonsReadsTheSame() {
        assertSampleVerdicts(json(post("text/csv", Fixtures.csv(HEADER, ROWS, ',', true), "application/json")));
        assertSampleVerdicts(json(post("text/csv", Fixtures.csv(HEADER, ROWS, ',', false), "application/json")));
        assertSampleVerdicts(json(post("text/csv;charset=UTF-8", Fixtures.csv(HEADER, ROWS, ';', true), "application/json")));
        assertSampleVerdicts(json(post("text/csv", Fixtures.csv(HEADER, ROWS, ';', false), "application/json")));
    }

    @Test
    void csvInXlsxOut() {
        try (XSSFWorkbook wb = workbook(post("text/csv", Fixtures.csv(HEADER, ROWS, ',', true), XLSX))) {
            assertAnswerWorkbook(wb);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void xlsxInJsonOut() {
        assertSampleVerdicts(json(post(XLSX, Fixtures.xlsx(HEADER, ROWS), "application/json")));
    }

    @Test
    void xlsxInXlsxOut() throws Exception {
        try (XSSFWorkbook wb = workbook(post(XLSX, Fixtures.xlsx(HEADER, ROWS), XLSX))) {
            assertAnswerWorkbook(wb);
        }
    }

    @Test
    void xlsxInCsvOut() {
        List<List<String>> records = csvRecords(post(XLSX, Fixtures.xlsx(HEADER, ROWS), "text/csv"));
        assertEquals(SAMPLES.size() + 1, records.size());
        assertEquals(SAMPLES.get(0).get("name").asText(), records.get(1).get(3));
    }

    private static void assertAnswerWorkbook(XSSFWorkbook wb) {
        assertEquals(List.of(XlsxBatchWriter.SUMMARY, XlsxBatchWriter.PROJECTS, XlsxBatchWriter.FINDINGS, XlsxBatchWriter.PORTFOLIO),
                Fixtures.sheetNames(wb));
        Sheet projects = wb.getSheet(XlsxBatchWriter.PROJECTS);
        assertEquals(SAMPLES.size(), projects.getLastRowNum());
        for (int i = 0; i < SAMPLES.size(); i++) {
            Row r = projects.getRow(i + 1);
            JsonNode expected = Fixtures.expected(SAMPLES.get(i).get("id").asText());
            assertEquals(SAMPLES.get(i).get("name").asText(), text(r, 2));
            assertEquals(expected.get("verdict").asText(), text(r, 4));
            assertEquals(expected.get("score").asInt(), (int) r.getCell(5).getNumericCellValue());
            String rgb = ((XSSFCellStyle) r.getCell(4).getCellStyle()).getFillForegroundXSSFColor().getARGBHex();
            assertEquals("FF" + XlsxBatchWriter.COLOURS.get(Verdict.valueOf(text(r, 4))), rgb);
        }
        assertEquals(SAMPLES.size(), (int) wb.getSheet(XlsxBatchWriter.SUMMARY).getRow(3).getCell(2).getNumericCellValue());
        assertTrue(wb.getSheet(XlsxBatchWriter.FINDINGS).getLastRowNum() > SAMPLES.size());
    }

    // ---- mixed lists -----------------------------------------------------------------------------------------

    private static final List<List<Object>> MIXED = List.of(
            minimal("M-0", VIETNAMESE, 50_000_000_000L),
            row("M-1", "tổng vốn không phải số", "Lạng Sơn", "TRANSPORT", "năm mươi tỷ"),
            minimal("M-2", "tốt", 20_000_000_000L),
            row("M-3", "tỉnh lạ", "Lạng Xơn Xa", "TRANSPORT", 1_000_000_000L),
            minimal("M-0", "mã trùng", 1_000_000_000L),
            row("M-5", "lĩnh vực lạ", "Cao Bằng", "ROCKETS", 1_000_000_000L),
            row("M-6", "thiếu tổng vốn", "Cao Bằng", "HEALTH", null),
            minimal("M-7", "cuối", 30_000_000_000L));

    private static void assertMixed(JsonPath a) {
        List<Integer> results = a.getList("results.index", Integer.class);
        List<Integer> errors = a.getList("errors.index", Integer.class);
        assertEquals(List.of(0, 2, 7), results, "results in input order");
        assertEquals(List.of(1, 3, 4, 5, 6), errors, "errors in input order");
        List<Integer> all = new ArrayList<>(results);
        all.addAll(errors);
        all.sort(null);
        assertEquals(IntStream.range(0, MIXED.size()).boxed().toList(), all, "every item exactly once");
        assertEquals(MIXED.size(), a.getInt("summary.total"));
        assertEquals(5, a.getInt("summary.invalid"));
        assertEquals(VIETNAMESE, a.getString("results[0].projectName"));
        assertThat(a.getList("errors[0].problems.path"), hasItem("investment.totalVnd"));
        assertThat(a.getList("errors[1].problems.path"), hasItem("location.province"));
        assertThat(a.getList("errors[2].problems.path"), hasItem("id"));
        assertThat(a.getList("errors[3].problems.path"), hasItem("sector"));
        assertThat(a.getList("errors[4].problems.path"), hasItem("investment"));  // the whole object is absent, as in a single request
        assertEquals("M-1", a.getString("errors[0].projectId"));
        for (int i = 0; i < errors.size(); i++) {
            assertFalse(a.getString("errors[" + i + "].problems[0].message.vi").isBlank());
            assertFalse(a.getString("errors[" + i + "].problems[0].message.en").isBlank());
        }
    }

    @Test
    void mixedGoodAndBadRowsFromCsvAndExcel() {
        assertMixed(json(post("text/csv", Fixtures.csv(MINIMAL, MIXED, ',', true), "application/json")));
        assertMixed(json(post(XLSX, Fixtures.xlsx(MINIMAL, MIXED), "application/json")));
    }

    @Test
    void mixedRowsInTheExcelAnswerAreAllThereInOrder() throws Exception {
        try (XSSFWorkbook wb = workbook(post(XLSX, Fixtures.xlsx(MINIMAL, MIXED), XLSX))) {
            Sheet projects = wb.getSheet(XlsxBatchWriter.PROJECTS);
            assertEquals(MIXED.size(), projects.getLastRowNum());
            for (int i = 0; i < MIXED.size(); i++) {
                assertEquals(i, (int) projects.getRow(i + 1).getCell(0).getNumericCellValue());
                assertEquals(MIXED.get(i).get(0), text(projects.getRow(i + 1), 1));
            }
            assertEquals("INVALID", text(projects.getRow(2), 4));
            assertThat(text(projects.getRow(2), 17), containsString("investment.totalVnd"));
            // An invalid row still shows the name and province it gives, even a province that is none.
            assertEquals("tổng vốn không phải số", text(projects.getRow(2), 2));
            assertEquals("Lạng Sơn", text(projects.getRow(2), 3));
            assertEquals("Lạng Xơn Xa", text(projects.getRow(4), 3));
            assertEquals(VIETNAMESE, text(projects.getRow(1), 2));
            assertEquals(5, (int) wb.getSheet(XlsxBatchWriter.SUMMARY).getRow(5).getCell(2).getNumericCellValue());
        }
    }

    @Test
    void invalidRowsOfTheCsvAnswerShowTheNameAndProvinceTheyGive() {
        List<List<String>> records = csvRecords(post("text/csv", Fixtures.csv(MINIMAL, MIXED, ',', true), "text/csv"));
        List<String> header = records.get(0);
        List<String> m1 = records.get(2);
        assertEquals(List.of("INVALID", "1", "M-1", "tổng vốn không phải số", "Lạng Sơn"), m1.subList(0, 5));
        assertEquals("Lạng Xơn Xa", records.get(4).get(header.indexOf("province")));
    }

    @Test
    void anUnknownColumnRefusesTheWholeListBeforeAnyAnswer() {
        List<String> header = new ArrayList<>(MINIMAL);
        header.set(2, "location.provnce");
        ProblemAssert csv = problem(post("text/csv", Fixtures.csv(header, MIXED, ',', false), "text/csv"), 400).at("header[2]");
        assertThat(csv.en("header[2]"), containsString("did you mean 'location.province'"));
        problem(post(XLSX, Fixtures.xlsx(header, MIXED), XLSX), 400).at("header[2]");
    }

    // ---- formula injection -----------------------------------------------------------------------------------

    private static final List<List<Object>> FORMULAS = List.of(
            minimal("INJ-1", "=HYPERLINK(\"http://x\")", 50_000_000_000L),
            minimal("INJ-2", "+cmd", 50_000_000_000L),
            minimal("INJ-3", "@SUM(1+1)", 50_000_000_000L));

    @Test
    void formulaInjectionIsNeutralisedInCsv() {
        List<List<String>> records = csvRecords(post("text/csv", Fixtures.csv(MINIMAL, FORMULAS, ',', true), "text/csv"));
        assertEquals("'=HYPERLINK(\"http://x\")", records.get(1).get(3));
        assertEquals("'+cmd", records.get(2).get(3));
        assertEquals("'@SUM(1+1)", records.get(3).get(3));
        for (List<String> rec : records) {
            for (String cell : rec) {
                assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, "a live cell: " + cell);
            }
        }
    }

    /** = + - @ in their full-width and small forms, which a spreadsheet folds to ASCII: each one a name. */
    private static final List<String> WIDE_FORMULAS = List.of("\uFF1DHYPERLINK(\"http://x\")", "\uFF0Bcmd", "\uFF0D2+3",
            "\uFF20SUM(1+1)", "\uFE66HYPERLINK(\"http://x\")", "\uFE62cmd", "\uFE632+3", "\uFE6BSUM(1+1)");

    private static List<List<Object>> wideFormulas() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < WIDE_FORMULAS.size(); i++) {
            rows.add(minimal("WIDE-" + i, WIDE_FORMULAS.get(i), 50_000_000_000L));
        }
        return rows;
    }

    @Test
    void fullWidthAndSmallFormulaSignsAreNeutralisedInCsv() {
        List<List<String>> records = csvRecords(post("text/csv", Fixtures.csv(MINIMAL, wideFormulas(), ',', true), "text/csv"));
        for (int i = 0; i < WIDE_FORMULAS.size(); i++) {
            assertEquals("'" + WIDE_FORMULAS.get(i), records.get(i + 1).get(3));
        }
    }

    @Test
    void fullWidthAndSmallFormulaSignsAreQuotePrefixedInExcel() throws Exception {
        try (XSSFWorkbook wb = workbook(post(XLSX, Fixtures.xlsx(MINIMAL, wideFormulas()), XLSX))) {
            Sheet projects = wb.getSheet(XlsxBatchWriter.PROJECTS);
            for (int i = 0; i < WIDE_FORMULAS.size(); i++) {
                Cell name = projects.getRow(i + 1).getCell(2);
                assertEquals(CellType.STRING, name.getCellType());
                assertEquals("'" + WIDE_FORMULAS.get(i), name.getStringCellValue());
                assertTrue(name.getCellStyle().getQuotePrefixed(), "kept as text when edited: " + WIDE_FORMULAS.get(i));
            }
            XlsxBatchWriterTest.assertNoFormulas(wb);
        }
    }

    @Test
    void formulaInjectionIsAPlainStringCellInExcel() throws Exception {
        try (XSSFWorkbook wb = workbook(post(XLSX, Fixtures.xlsx(MINIMAL, FORMULAS), XLSX))) {
            Sheet projects = wb.getSheet(XlsxBatchWriter.PROJECTS);
            Cell hyperlink = projects.getRow(1).getCell(2);
            assertEquals(CellType.STRING, hyperlink.getCellType());
            assertEquals("'=HYPERLINK(\"http://x\")", hyperlink.getStringCellValue());
            assertEquals(CellType.STRING, projects.getRow(2).getCell(2).getCellType());
            assertEquals("'+cmd", projects.getRow(2).getCell(2).getStringCellValue());
            XlsxBatchWriterTest.assertNoFormulas(wb);
        }
    }

    // ---- hostile workbooks -----------------------------------------------------------------------------------

    private static final byte[] GOOD = Fixtures.xlsx(MINIMAL, List.of(minimal("OK-1", "tốt", 50_000_000_000L)));

    /** After a refusal the service still answers the next list. */
    private static void stillAnswers() {
        json(post(XLSX, GOOD, "application/json"));
    }

    private static ProblemAssert refused(byte[] workbook, int status) {
        ProblemAssert p = problem(post(XLSX, workbook, "application/json"), status).at("$");
        stillAnswers();
        return p;
    }

    @Test
    void anEncryptedWorkbookIs415() {
        ProblemAssert p = refused(Fixtures.encrypted(GOOD), 415);
        assertThat(p.en("$"), containsString("encrypted"));
        assertThat(refused(Fixtures.legacyXls(MINIMAL, List.of(minimal("X-1", "x", 1L))), 415).en("$"), containsString(".xls"));
    }

    @Test
    void aMacroEnabledWorkbookIs400() {
        assertThat(refused(Fixtures.xlsm(MINIMAL, List.of(minimal("M-1", "m", 1L))), 400).en("$"), containsString("macro-enabled"));
        assertThat(refused(Fixtures.withVbaProject(GOOD), 400).en("$"), containsString("macro-enabled"));
    }

    @Test
    void aZipBombIs413() {
        assertThat(refused(Fixtures.zipBomb(), 413).en("$"), containsString("zip bomb"));
    }

    @Test
    void anXxeAttemptIs400AndReadsNothing() {
        Path canary = Fixtures.canary();
        String rows = Fixtures.header(1) + Fixtures.inlineRow(2, "XXE-1", "&xxe;", "Lạng Sơn", "TRANSPORT", "1000");
        ProblemAssert sheet = refused(Fixtures.withSheet(Fixtures.sheetXml(Fixtures.doctype("worksheet", canary), rows)), 400);
        assertThat(sheet.en("$"), containsString("DOCTYPE"));
        assertThat(sheet.body(), not(containsString("CANARY")));
        String sst = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + Fixtures.doctype("sst", canary)
                + "<sst xmlns=\"" + Fixtures.NS + "\"><si><t>&xxe;</t></si></sst>";
        ProblemAssert strings = refused(Fixtures.rezip(GOOD, Map.of("xl/sharedStrings.xml", sst)), 400);
        assertThat(strings.body(), not(containsString("CANARY")));
    }

    @Test
    void garbageDeclaredAsExcelIsAProblemNotA500() {
        assertThat(refused("id,name\n1,2\n".getBytes(StandardCharsets.UTF_8), 415).en("$"), containsString("not an Excel .xlsx"));
        refused(java.util.Arrays.copyOf(GOOD, GOOD.length / 2), 400);
        refused(new byte[0], 400);
    }

    // ---- DISC-3 across a list --------------------------------------------------------------------------------

    private static List<List<Object>> roads(long third) {
        return List.of(minimal("LS-A", "Đường A", 12_000_000_000L), minimal("LS-B", "Đường B", 9_000_000_000L),
                minimal("LS-C", "Đường C", third));
    }

    @Test
    void disc3FiresForThreeSmallGroupCRoadsOfOneProvince() {
        JsonPath a = json(post("text/csv", Fixtures.csv(MINIMAL, roads(15_900_000_000L), ',', false), "application/json"));
        assertEquals(List.of("DISC-3.scattered"), a.getList("portfolioFindings.ruleId"));
        assertEquals(List.of("LS-A", "LS-B", "LS-C"), a.getList("portfolioFindings[0].projectIds"));
        assertThat(a.getString("portfolioFindings[0].citations[0].paragraph"), equalTo("III.2.g-1"));
        List<List<String>> csv = csvRecords(post(XLSX, Fixtures.xlsx(MINIMAL, roads(15_900_000_000L)), "text/csv"));
        assertEquals("PORTFOLIO", csv.get(csv.size() - 1).get(0));
        assertEquals("LS-A LS-B LS-C", csv.get(csv.size() - 1).get(2));
    }

    @Test
    void disc3DoesNotFireWhenTheThirdIsAtTenPercentOfTheCeiling() throws Exception {
        JsonPath a = json(post(XLSX, Fixtures.xlsx(MINIMAL, roads(16_000_000_000L)), "application/json"));
        assertEquals(List.of(), a.getList("portfolioFindings"));
        try (XSSFWorkbook wb = workbook(post(XLSX, Fixtures.xlsx(MINIMAL, roads(16_000_000_000L)), XLSX))) {
            assertEquals(0, wb.getSheet(XlsxBatchWriter.PORTFOLIO).getLastRowNum());
        }
        try (XSSFWorkbook wb = workbook(post(XLSX, Fixtures.xlsx(MINIMAL, roads(15_900_000_000L)), XLSX))) {
            assertEquals("DISC-3.scattered", text(wb.getSheet(XlsxBatchWriter.PORTFOLIO).getRow(1), 0));
        }
    }
}
