package vn.phendau.batch;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.phendau.batch.RowMapper.Kind;
import vn.phendau.common.Text;
import vn.phendau.common.VietnameseText;
import vn.phendau.labels.Labels;

/**
 * The Excel template, downloaded and filled with the 45 projects of samples/lists/ the way a person fills it in Excel
 * (values picked from the drop-downs as labels, yes/no as Có/Không, amounts and years as numbers, the date as a date
 * cell), uploaded as it is: the list's answer is the sample CSV's. Some rows are typed in English labels, some
 * without diacritics or in capitals, as the reader takes them too.
 */
@QuarkusTest
class TemplateRoundTripTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Labels LABELS = Labels.shipped();

    @Test
    void theTemplateFilledWithTheSampleListGetsTheSampleCsvsAnswer() throws IOException {
        byte[] template = given().get("/api/v1/templates/list.xlsx").then().statusCode(200)
                .contentType(XLSX).extract().asByteArray();
        List<List<String>> csv = SampleLists.csvRows();
        List<String> csvHeader = csv.get(0);
        byte[] filled;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet list = wb.getSheetAt(0);
            List<String> header = new ArrayList<>();
            list.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            Map<String, Kind> kinds = RowMapper.columnKinds();
            list.removeRow(list.getRow(2));   // the example
            for (int r = 1; r < csv.size(); r++) {
                Row row = list.createRow(r + 1);
                List<String> cells = csv.get(r);
                for (int i = 0; i < csvHeader.size(); i++) {
                    String raw = i < cells.size() ? cells.get(i) : "";
                    if (raw.isBlank()) {
                        continue;
                    }
                    int column = header.indexOf(csvHeader.get(i));
                    assertTrue(column >= 0, csvHeader.get(i) + " is a column of the template");
                    Cell cell = row.createCell(column);
                    if (list.getColumnStyle(column) != null) {
                        cell.setCellStyle(list.getColumnStyle(column));   // as Excel gives a typed cell its column's format
                    }
                    put(cell, csvHeader.get(i), kinds.get(csvHeader.get(i)), raw, r);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            filled = out.toByteArray();
        }
        JsonNode fromTemplate = answer(filled, XLSX);
        JsonNode fromCsv = answer(Files.readAllBytes(SampleLists.CSV), "text/csv");
        assertEquals(45, fromCsv.at("/summary/total").asInt());
        assertEquals(fromCsv.get("summary"), fromTemplate.get("summary"));
        assertEquals(fromCsv.get("results").size(), fromTemplate.get("results").size());
        for (int i = 0; i < fromCsv.get("results").size(); i++) {
            assertEquals(fromCsv.get("results").get(i), fromTemplate.get("results").get(i), "result " + i);
        }
        assertEquals(fromCsv.get("errors"), fromTemplate.get("errors"));
        assertEquals(fromCsv.get("portfolioFindings"), fromTemplate.get("portfolioFindings"));
    }

    /** A cell as a person enters it: row r in Vietnamese, in English, bare of diacritics or in capitals, by turns. */
    private static void put(Cell cell, String path, Kind kind, String raw, int r) {
        switch (kind) {
            case INTEGER, NUMBER -> {
                try {
                    cell.setCellValue(new BigDecimal(raw).doubleValue());
                } catch (NumberFormatException e) {
                    cell.setCellValue(raw);
                }
            }
            case BOOLEAN -> cell.setCellValue(yesNo(raw, r));
            case ENUM -> cell.setCellValue(word(path, raw, r));
            case ENUM_LIST -> cell.setCellValue(String.join("; ", java.util.Arrays.stream(raw.split(";"))
                    .map(code -> word(path, code, r)).toList()));
            case COMMUNES -> cell.setCellValue(String.join("; ", java.util.Arrays.stream(raw.split(";")).map(c -> {
                int colon = c.lastIndexOf(':');
                return colon < 0 ? c : c.substring(0, colon) + ":" + yesNo(c.substring(colon + 1), r);
            }).toList()));
            case SOURCES -> cell.setCellValue(String.join("; ", java.util.Arrays.stream(raw.split(";")).map(s -> {
                String[] f = s.split(":");
                return word(RowMapper.SOURCE_TYPE, f[0], r) + ":" + f[1] + (f.length > 2 ? ":" + yesNo(f[2], r) : "");
            }).toList()));
            case STRING -> {
                if (path.endsWith("Date")) {
                    cell.setCellValue(LocalDate.parse(raw));
                } else {
                    cell.setCellValue(raw);
                }
            }
        }
    }

    private static String yesNo(String raw, int r) {
        Text t = raw.equals("true") ? Text.of("Có", "Yes") : raw.equals("false") ? Text.of("Không", "No") : null;
        return t == null ? raw : r % 2 == 0 ? t.en() : t.vi();
    }

    private static String word(String path, String code, int r) {
        Text label = LABELS.values(path).get(code);
        if (label == null) {
            return code;   // not a code of the field (RURAL_ROADS): it stays as typed, and stays invalid
        }
        return switch (r % 4) {
            case 0 -> label.en();
            case 1 -> label.vi();
            case 2 -> VietnameseText.fold(label.vi());
            default -> label.vi().toUpperCase(java.util.Locale.ROOT);
        };
    }

    private static JsonNode answer(byte[] body, String type) throws IOException {
        byte[] out = given().contentType(type).accept("application/json").body(body)
                .post("/api/v1/assessments/batch").then().statusCode(200).extract().asByteArray();
        JsonNode answer = MAPPER.readTree(out);
        answer.get("results").forEach(r -> ((ObjectNode) r).remove(List.of("assessmentId", "assessedAt")));
        return answer;
    }
}
