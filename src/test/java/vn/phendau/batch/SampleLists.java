package vn.phendau.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.phendau.problem.Problem;

/**
 * The list in samples/lists/ is written once, as CSV (the form an office keeps); its JSON and Excel copies are made
 * from it here, so the three hold the same content. A cell the CSV reader cannot take (a funding source typed as
 * "5,6 tỷ") goes into the JSON as the text it is, so that item is invalid in every format.
 */
final class SampleLists {

    static final Path DIR = Path.of("samples", "lists");
    static final String NAME = "lang-son-cao-bang-2026-2030";
    static final Path CSV = DIR.resolve(NAME + ".csv");
    static final Path JSON = DIR.resolve(NAME + ".json");
    static final Path XLSX = DIR.resolve(NAME + ".xlsx");

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SampleLists() {
    }

    /** The CSV's header and rows, as cells. */
    static List<List<String>> csvRows() {
        try (BufferedReader r = Files.newBufferedReader(CSV, StandardCharsets.UTF_8)) {
            CsvRows rows = new CsvRows(r);
            List<List<String>> out = new ArrayList<>();
            rows.forEachRemaining(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSV as a JSON array of proposals, field by field as the batch reads it. */
    static ArrayNode json() {
        List<List<String>> rows = csvRows();
        List<String> header = rows.get(0);
        RowMapper mapper = new RowMapper(header, Integer.MAX_VALUE);
        ArrayNode list = MAPPER.createArrayNode();
        for (int i = 1; i < rows.size(); i++) {
            List<String> cells = rows.get(i);
            BatchItem item = mapper.map(i - 1, cells);
            ObjectNode node = (ObjectNode) item.node();
            for (Problem p : item.problems()) {
                put(node, p.path(), cells.get(header.indexOf(p.path())).strip());
            }
            list.add(node);
        }
        return list;
    }

    private static void put(ObjectNode root, String path, String text) {
        String[] steps = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < steps.length - 1; i++) {
            node = node.has(steps[i]) ? (ObjectNode) node.get(steps[i]) : node.putObject(steps[i]);
        }
        node.put(steps[steps.length - 1], text);
    }

    /** The CSV as a workbook, as an office would type it: numbers as number cells, true/false as boolean cells. */
    static void writeXlsx(Path file) throws IOException {
        List<List<String>> rows = csvRows();
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("Danh mục dự án 2026-2030");
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle heading = wb.createCellStyle();
            heading.setFont(bold);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    String v = cells.get(c);
                    if (v.isEmpty()) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (r == 0) {
                        cell.setCellValue(v);
                        cell.setCellStyle(heading);
                    } else if (v.matches("-?\\d{1,15}(\\.\\d+)?")) {
                        cell.setCellValue(Double.parseDouble(v));
                    } else if (v.equals("true") || v.equals("false")) {
                        cell.setCellValue(Boolean.parseBoolean(v));
                    } else {
                        cell.setCellValue(v);
                    }
                }
            }
            sheet.createFreezePane(2, 1);
            for (int c = 0; c < rows.get(0).size(); c++) {
                sheet.setColumnWidth(c, c == 1 ? 60 * 256 : 18 * 256);
            }
            wb.write(out);
        }
    }

    static void writeJson(Path file) throws IOException {
        Files.writeString(file, MAPPER.writeValueAsString(json()) + "\n", StandardCharsets.UTF_8);
    }

    static JsonNode readJson() throws IOException {
        return MAPPER.readTree(JSON.toFile());
    }
}
