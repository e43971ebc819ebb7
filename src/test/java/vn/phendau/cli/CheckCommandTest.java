package vn.phendau.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.phendau.batch.BatchFormat;

/**
 * {@code check} from the command line, in the packaged application's own main: each launch starts the application
 * afresh (and compiles the rules), so the launches here are few and each asserts much.
 */
@QuarkusMainTest
class CheckCommandTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String SAMPLE = "samples/lists/lang-son-cao-bang-2026-2030.json";

    @TempDir
    Path dir;

    @Test
    void aCleanCsvListGivesAnExcelReportAndExitsZero(QuarkusMainLauncher launcher) throws IOException {
        Path list = dir.resolve("danh-sách.csv");
        Files.writeString(list, """
                id,name,location.province,sector,investment.totalVnd,schedule.startYear,schedule.endYear
                T-1,Đường vào thôn Nà Pàn,Lạng Sơn,TRANSPORT,11000000000,2026,2027
                T-2,Trạm y tế xã Hạ Lang,Cao Bằng,HEALTH,16000000000,2026,2027
                T-3,=HYPERLINK("http://x"),Hà Nội,SCIENCE_TECHNOLOGY,5000000000,2026,2026
                """, StandardCharsets.UTF_8);
        Path report = dir.resolve("báo-cáo.xlsx");

        LaunchResult r = launcher.launch("check", list.toString(), "--out", report.toString());

        assertEquals(0, r.exitCode(), r.getErrorOutput());
        String err = r.getErrorOutput();
        assertTrue(err.contains("Đã kiểm tra 3 mục: 3 đã đánh giá, 0 không hợp lệ"), err);
        assertTrue(err.contains("Checked 3 items: 3 assessed, 0 invalid"), err);
        assertTrue(err.contains("OUT_OF_SCOPE 1"), err);
        assertTrue(err.contains(report.toString()), err);
        assertFalse(r.getOutput().contains("{"), "the report went to the file, not stdout: " + r.getOutput());
        try (Workbook wb = new XSSFWorkbook(Files.newInputStream(report))) {
            List<String> ids = new ArrayList<>();
            Sheet projects = wb.getSheetAt(1);
            for (int row = 1; row <= projects.getLastRowNum(); row++) {
                ids.add(projects.getRow(row).getCell(1).getStringCellValue());
            }
            assertEquals(List.of("T-1", "T-2", "T-3"), ids, "the projects sheet, in input order");
        }
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no partial report is left beside the report");
        }
    }

    @Test
    void theSampleListAnswersAsJsonOnStdoutAndExitsOneForItsInvalidRows(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult r = launcher.launch("check", SAMPLE);

        assertEquals(1, r.exitCode(), r.getErrorOutput());
        // The test launcher sends the log to stdout too (the packaged JAR sends it to stderr): the answer is the
        // JSON from its first line on.
        String out = r.getOutput();
        JsonNode answer = MAPPER.readTree(out.substring(out.indexOf("{\"results\"")));
        assertEquals(45, answer.at("/summary/total").asInt());
        assertEquals(39, answer.get("results").size());
        assertEquals(6, answer.get("errors").size());
        assertEquals(2, answer.get("portfolioFindings").size());
        String err = r.getErrorOutput();
        assertTrue(err.contains("Đã kiểm tra 45 mục: 39 đã đánh giá, 6 không hợp lệ / Checked 45 items: 39 assessed, 6 invalid"), err);
        assertTrue(err.contains("NON_COMPLIANT 3"), err);
    }

    @Test
    void aMissingFileAndABadHeaderExitThreeWithAMessageNotAStackTrace(QuarkusMainLauncher launcher) throws IOException {
        Path missing = dir.resolve("không-có.csv");
        LaunchResult none = launcher.launch("check", missing.toString());
        assertEquals(3, none.exitCode(), none.getErrorOutput());
        assertTrue(none.getErrorOutput().contains("Không có tệp " + missing + " / No such file: " + missing), none.getErrorOutput());

        Path list = dir.resolve("sai-tiêu-đề.csv");
        Files.writeString(list, "id,name,location.provnce,sector,investment.totalVnd\nX-1,x,Lạng Sơn,TRANSPORT,1\n",
                StandardCharsets.UTF_8);
        Path report = dir.resolve("report.csv");
        LaunchResult header = launcher.launch("check", list.toString(), "--out", report.toString());
        assertEquals(3, header.exitCode(), header.getErrorOutput());
        String err = header.getErrorOutput();
        assertTrue(err.contains("Tiêu đề danh sách không hợp lệ / Cannot read the list"), err);
        assertTrue(err.contains("header[2]: cột 'location.provnce' không phải trường của đề xuất; có phải ý bạn là 'location.province'?"), err);
        assertTrue(err.contains("column 'location.provnce' is not a proposal field"), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
        assertFalse(Files.exists(report), "a refused list writes no report");
    }

    @Test
    void aWrongCommandLineExitsTwoWithTheUsage(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("check");
        assertEquals(2, r.exitCode(), r.getErrorOutput());
        assertTrue(r.getErrorOutput().contains("Thiếu tệp danh sách / The list file is missing"), r.getErrorOutput());
        assertTrue(r.getErrorOutput().contains("Cách dùng / Usage:"), r.getErrorOutput());
        assertTrue(r.getErrorOutput().contains("3  không đọc được"), r.getErrorOutput());
    }

    /** The arguments alone, without a launch. */
    @Test
    void argumentsAreReadOrRefused() {
        CheckCommand.Arguments a = CheckCommand.Arguments.parse("check", "list.CSV", "--out=r.xlsx");
        assertEquals(BatchFormat.CSV, a.listFormat());
        assertEquals(BatchFormat.XLSX, a.outFormat());
        assertEquals(BatchFormat.JSON, CheckCommand.Arguments.parse("check", "l.json").outFormat());
        assertEquals(null, CheckCommand.Arguments.parse("check", "list.pdf").listFormat(), "refused later, as an unreadable list");
        assertEquals(null, CheckCommand.Arguments.parse("check", "--help"));
        for (String[] wrong : List.of(new String[] {"check"}, new String[] {"check", "a.csv", "b.csv"},
                new String[] {"check", "a.csv", "--out"}, new String[] {"check", "a.csv", "--out", "r.pdf"},
                new String[] {"check", "a.csv", "--verbose"})) {
            assertThrows(IllegalArgumentException.class, () -> CheckCommand.Arguments.parse(wrong), String.join(" ", wrong));
        }
    }
}
