package vn.phendau.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.phendau.batch.BatchItem;
import vn.phendau.batch.CsvItemReader;
import vn.phendau.batch.ItemReader;
import vn.phendau.batch.XlsxItemReader;
import vn.phendau.labels.Labels;
import vn.phendau.reference.Provinces;

/**
 * The list template is made from the schema: every field is a column (found here by walking the schema itself, so
 * a new field needs no change to this test), every coded or yes/no column has its drop-down of the field's labelled
 * values, every column is explained in both languages, and the example row reads back as sample 01.
 */
class ListTemplateTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final ListTemplate TEMPLATE = new ListTemplate(Labels.shipped(), new Provinces());
    static byte[] vi;
    static byte[] en;

    @BeforeAll
    static void write() throws IOException {
        vi = xlsx("vi");
        en = xlsx("en");
    }

    static byte[] xlsx(String lang) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TEMPLATE.writeXlsx(out, lang);
        return out.toByteArray();
    }

    /** The schema's fields as a list takes them: every leaf, and a list of objects (communes, sources) as one column. */
    static Set<String> schemaFields() throws IOException {
        JsonNode schema = MAPPER.readTree(Files.readAllBytes(Path.of("src/main/resources/schema/project-proposal.schema.json")));
        Set<String> out = new LinkedHashSet<>();
        walk(schema, "", out);
        return out;
    }

    private static void walk(JsonNode node, String path, Set<String> out) {
        if ("object".equals(node.path("type").asText()) && node.has("properties")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.get("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else {
            out.add(path);
        }
    }

    static List<String> row(Sheet sheet, int r) {
        List<String> out = new ArrayList<>();
        Row row = sheet.getRow(r);
        for (int i = 0; i < row.getLastCellNum(); i++) {
            out.add(row.getCell(i) == null ? "" : row.getCell(i).toString());
        }
        return out;
    }

    @Test
    void everySchemaFieldIsAColumnWithItsLabelUnderIt() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(vi))) {
            assertEquals(ListTemplate.LIST_SHEET, wb.getSheetName(0), "the list is the first sheet: the reader reads that one");
            Sheet list = wb.getSheetAt(0);
            List<String> header = row(list, 0);
            assertEquals(List.copyOf(schemaFields()), header);
            List<String> labels = row(list, 1);
            for (int i = 0; i < header.size(); i++) {
                String label = labels.get(i);
                assertTrue(label.contains(" / "), header.get(i) + " is labelled in both languages: " + label);
                assertFalse(label.startsWith(header.get(i) + " /"), header.get(i) + " has words of its own, not its path");
            }
        }
    }

    @Test
    void everyCodedAndYesNoColumnHasADropDownOfItsLabelledValues() throws IOException {
        Labels labels = Labels.shipped();
        for (byte[] book : List.of(vi, en)) {
            String lang = book == vi ? "vi" : "en";
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book))) {
                XSSFSheet list = wb.getSheetAt(0);
                assertTrue(wb.isSheetHidden(wb.getSheetIndex(ListTemplate.VALUES_SHEET)), "the values are on a hidden sheet");
                List<String> header = row(list, 0);
                int checked = 0;
                for (int i = 0; i < header.size(); i++) {
                    String path = header.get(i);
                    Map<String, vn.phendau.common.Text> codes = labels.values(path);
                    boolean yesNo = TEMPLATE.columns().get(i).kind() == vn.phendau.batch.RowMapper.Kind.BOOLEAN;
                    if (codes.isEmpty() && !yesNo) {
                        continue;
                    }
                    DataValidation v = validationOf(list, i);
                    assertNotNull(v, path + " has a drop-down");
                    List<String> offered = named(wb, v.getValidationConstraint().getFormula1());
                    List<String> expected = yesNo
                            ? List.of(lang.equals("vi") ? "Có" : "Yes", lang.equals("vi") ? "Không" : "No", lang.equals("vi") ? "Chưa rõ" : "Unknown")
                            : codes.values().stream().map(t -> ListTemplate.shown(t, lang)).toList();
                    assertEquals(expected, offered, path);
                    assertTrue(offered.stream().noneMatch(codes::containsKey), path + ": the drop-down offers labels, not codes");
                    checked++;
                }
                assertTrue(checked >= 20, "sector, the opinions, eiaStatus, the yes/no fields... (" + checked + ")");
                DataValidation province = validationOf(list, header.indexOf("location.province"));
                assertTrue(named(wb, province.getValidationConstraint().getFormula1()).contains("Lạng Sơn"));
            }
        }
    }

    private static DataValidation validationOf(XSSFSheet sheet, int column) {
        for (DataValidation v : sheet.getDataValidations()) {
            for (CellRangeAddress r : v.getRegions().getCellRangeAddresses()) {
                if (r.getFirstColumn() <= column && column <= r.getLastColumn() && r.getFirstRow() <= 2 && r.getLastRow() >= 1000) {
                    return v;
                }
            }
        }
        return null;
    }

    private static List<String> named(XSSFWorkbook wb, String name) {
        String ref = wb.getName(name).getRefersToFormula();
        org.apache.poi.ss.util.AreaReference area = new org.apache.poi.ss.util.AreaReference(ref, wb.getSpreadsheetVersion());
        Sheet sheet = wb.getSheet(area.getFirstCell().getSheetName());
        List<String> out = new ArrayList<>();
        for (int r = area.getFirstCell().getRow(); r <= area.getLastCell().getRow(); r++) {
            out.add(sheet.getRow(r).getCell(area.getFirstCell().getCol()).getStringCellValue());
        }
        return out;
    }

    @Test
    void theInstructionsExplainEveryColumnInBothLanguages() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(vi))) {
            Sheet help = wb.getSheet(ListTemplate.HELP_SHEET);
            assertNotNull(help);
            Set<String> explained = new HashSet<>();
            StringBuilder all = new StringBuilder();
            for (Row r : help) {
                List<String> cells = row(help, r.getRowNum());
                all.append(String.join(" ", cells)).append('\n');
                if (cells.size() >= 6 && schemaFields().contains(cells.get(0))) {
                    assertFalse(cells.get(1).isBlank() || cells.get(2).isBlank(), cells.get(0) + " is named in both languages");
                    assertFalse(cells.get(4).isBlank() || cells.get(5).isBlank(), cells.get(0) + " says how to enter it in both languages");
                    explained.add(cells.get(0));
                }
            }
            assertEquals(schemaFields(), explained);
            assertTrue(all.toString().contains("Tân Thanh:Có; Văn Lãng:Không"), "how to enter communes");
            assertTrue(all.toString().contains("Ngân sách trung ương:60.000.000.000:Có"), "how to enter funding sources");
        }
    }

    @Test
    void amountsAndYearsAreFormatted() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(vi))) {
            Sheet list = wb.getSheetAt(0);
            List<String> header = row(list, 0);
            assertEquals("#,##0", list.getColumnStyle(header.indexOf("investment.totalVnd")).getDataFormatString());
            assertEquals("0", list.getColumnStyle(header.indexOf("schedule.startYear")).getDataFormatString());
            assertEquals("#,##0", list.getRow(2).getCell(header.indexOf("investment.totalVnd")).getCellStyle().getDataFormatString());
            assertEquals(95_000_000_000d, list.getRow(2).getCell(header.indexOf("investment.totalVnd")).getNumericCellValue());
        }
    }

    /** Sample 01 as its file has it, its empty list of features included (written "Không có" / "None"). */
    static JsonNode sample01() throws IOException {
        return MAPPER.readTree(Files.readAllBytes(Path.of("samples/01-lang-son-duong-cua-khau-tan-thanh.json")));
    }

    @Test
    void anEmptyListIsWrittenAsNoneAndReadBackAsOneWhileAnAbsentListStaysAbsent() throws IOException {
        ObjectNode proposal = (ObjectNode) sample01();
        proposal.remove("features");
        ((ObjectNode) proposal.get("investment")).putArray("sources");
        ((ObjectNode) proposal.get("location")).putArray("communes");
        for (String lang : List.of("vi", "en")) {
            Map<String, Object> cells = TEMPLATE.cells(proposal, lang);
            assertFalse(cells.containsKey("features"), "an absent list is an empty cell: " + cells);
            assertEquals("vi".equals(lang) ? "Không có" : "None", cells.get("investment.sources"));
            // The row written and read back: the same proposal, [] and absent each as they were.
            List<String> header = new ArrayList<>(cells.keySet());
            header.add("features");
            StringBuilder csv = new StringBuilder(String.join(",", header)).append("\r\n");
            List<String> row = new ArrayList<>();
            for (String h : header) {
                Object v = cells.get(h);
                row.add(v == null ? "" : "\"" + v.toString().replace("\"", "\"\"") + "\"");
            }
            csv.append(String.join(",", row)).append("\r\n");
            try (ItemReader items = new CsvItemReader(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), 100_000)) {
                BatchItem item = items.next();
                assertTrue(item.problems().isEmpty(), item.problems().toString());
                JsonNode read = MAPPER.readTree(MAPPER.writeValueAsString(item.node()));
                assertEquals(proposal.get("investment"), read.get("investment"));
                assertEquals(proposal.get("location"), read.get("location"));
                assertFalse(read.has("features"), read.toString());
            }
        }
        // Typed by hand: the word in either language, without diacritics, or "[]".
        String typed = "id,name,location.province,sector,investment.totalVnd,features,location.communes,investment.sources\r\n"
                + "X-1,Đường,Lạng Sơn,TRANSPORT,1000000000,khong co,NONE,[]\r\n"
                + "X-2,Đường,Lạng Sơn,TRANSPORT,1000000000,,,\r\n";
        try (ItemReader items = new CsvItemReader(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), 100_000)) {
            JsonNode said = MAPPER.readTree(MAPPER.writeValueAsString(items.next().node()));
            assertEquals("[]", said.get("features").toString());
            assertEquals("[]", said.at("/location/communes").toString());
            assertEquals("[]", said.at("/investment/sources").toString());
            JsonNode unsaid = MAPPER.readTree(MAPPER.writeValueAsString(items.next().node()));
            assertFalse(unsaid.has("features") || unsaid.at("/location/communes").isArray() || unsaid.at("/investment/sources").isArray(),
                    unsaid.toString());
        }
    }

    @Test
    void theExampleRowReadsBackAsSample01AndTheLabelsRowIsSkipped() throws IOException {
        for (byte[] book : List.of(vi, en)) {
            Path file = Files.createTempFile("template", ".xlsx");
            try {
                Files.write(file, book);
                try (ItemReader items = new XlsxItemReader(file, 100_000)) {
                    BatchItem example = items.next();
                    assertTrue(example.problems().isEmpty(), example.problems().toString());
                    assertEquals(sample01(), MAPPER.readTree(MAPPER.writeValueAsString(example.node())));
                    assertFalse(items.hasNext(), "the labels' row is no item");
                }
            } finally {
                Files.delete(file);
            }
        }
    }

    @Test
    void theCsvTemplateIsItsHeaderAndTheExampleWithAByteOrderMark() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TEMPLATE.writeCsv(out, "vi");
        byte[] csv = out.toByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(csv[0], csv[1], csv[2]));
        String text = new String(csv, StandardCharsets.UTF_8);
        assertEquals(String.join(",", schemaFields()), text.substring(1, text.indexOf("\r\n")));
        assertTrue(text.contains("Giao thông"), "values in words: " + text);
        try (ItemReader items = new CsvItemReader(new ByteArrayInputStream(csv), 100_000)) {
            BatchItem example = items.next();
            assertTrue(example.problems().isEmpty(), example.problems().toString());
            assertEquals(sample01(), MAPPER.readTree(MAPPER.writeValueAsString(example.node())));
            assertFalse(items.hasNext());
        }
    }
}
