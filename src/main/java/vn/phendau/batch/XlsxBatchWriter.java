package vn.phendau.batch;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.jboss.logging.Logger;
import vn.phendau.assessment.Assessment;
import vn.phendau.assessment.Detail;
import vn.phendau.assessment.Finding;
import vn.phendau.assessment.Verdict;
import vn.phendau.common.Text;
import vn.phendau.legal.Citation;
import vn.phendau.problem.Problem;
import vn.phendau.rules.Outcome;
import vn.phendau.rules.Severity;

/**
 * The list's answer as an Excel workbook, written with SXSSF (a few rows in memory, the rest in compressed
 * temporary files, deleted at the end): a summary sheet (filled when the list is done), the projects in input
 * order with their verdicts in colour, every finding with its citations, and the portfolio findings (DISC-3).
 *
 * <p>Every text is a string cell, so nothing in it ever runs as a formula; text that a spreadsheet would take for a
 * formula (=, +, -, @, tab, CR at the start) is also neutralised as in the CSV answer and marked quote-prefixed, so
 * it stays text even when edited. Text past Excel's cell limit is cut with "…". The writer is made after the answer
 * has begun, so nothing a client sent is read before the first row: construction can fail only for the server's
 * own reasons (no temporary space).
 */
public final class XlsxBatchWriter implements BatchSink, Closeable {

    static final String SUMMARY = "Tóm tắt - Summary";
    static final String PROJECTS = "Dự án - Projects";
    static final String FINDINGS = "Phát hiện - Findings";
    static final String PORTFOLIO = "Danh mục - Portfolio";
    static final String INCOMPLETE = "Chưa đầy đủ - Incomplete";

    /** Rows kept in memory per sheet before they go to the temporary file. */
    static final int ROW_WINDOW = 64;
    static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
    static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    /** Fill colours of the verdicts, as Excel's own "good / neutral / bad" cell styles. */
    static final Map<Verdict, String> COLOURS = new EnumMap<>(Map.of(
            Verdict.COMPLIANT, "C6EFCE",
            Verdict.NEEDS_REVIEW, "FFEB9C",
            Verdict.NON_COMPLIANT, "FFC7CE",
            Verdict.OUT_OF_SCOPE, "D9D9D9"));

    static final Map<Verdict, String> VERDICTS_VI = new EnumMap<>(Map.of(
            Verdict.COMPLIANT, "Đáp ứng",
            Verdict.NEEDS_REVIEW, "Cần thẩm định",
            Verdict.NON_COMPLIANT, "Chưa đáp ứng",
            Verdict.OUT_OF_SCOPE, "Ngoài phạm vi"));

    private static final Logger LOG = Logger.getLogger(XlsxBatchWriter.class);

    private final OutputStream out;
    private final SXSSFWorkbook workbook;
    private final XSSFCellStyle headerStyle;
    private final XSSFCellStyle quoted;
    private final Map<Verdict, XSSFCellStyle> verdictStyles = new EnumMap<>(Verdict.class);
    private final SXSSFSheet summary;
    private final Part projects;
    private final Part findings;
    private final Part portfolio;
    private Assessment.Ruleset ruleset;
    private boolean closed;

    public XlsxBatchWriter(OutputStream out) {
        this.out = out;
        workbook = new SXSSFWorkbook(ROW_WINDOW);
        try {
            workbook.setCompressTempFiles(true);
            Font bold = workbook.createFont();
            bold.setBold(true);
            headerStyle = (XSSFCellStyle) workbook.createCellStyle();
            headerStyle.setFont(bold);
            headerStyle.setFillForegroundColor(colour("DDEBF7"));
            headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            quoted = (XSSFCellStyle) workbook.createCellStyle();
            quoted.setQuotePrefixed(true);
            for (Verdict v : Verdict.values()) {
                XSSFCellStyle s = (XSSFCellStyle) workbook.createCellStyle();
                s.setFillForegroundColor(colour(COLOURS.get(v)));
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                verdictStyles.put(v, s);
            }
            summary = workbook.createSheet(SUMMARY);
            summary.setColumnWidth(0, 40 * 256);
            summary.setColumnWidth(1, 30 * 256);
            summary.setColumnWidth(2, 60 * 256);
            List<String> projectColumns = new ArrayList<>(List.of("# / Index", "Mã dự án / Project id", "Tên dự án / Name",
                    "Tỉnh / Province", "Kết luận / Verdict", "Điểm / Score"));
            CsvBatchWriter.GROUPS.forEach(projectColumns::add);
            projectColumns.addAll(List.of("Bắt buộc chưa đạt / Blocking", "Cần thẩm định / Review", "Phát hiện / Findings",
                    "Tóm tắt / Summary", "Lỗi dữ liệu / Problems"));
            projects = new Part(PROJECTS, projectColumns, new int[] {10, 18, 50, 16, 18, 8, 7, 7, 7, 7, 7, 7, 7, 12, 12, 12, 60, 80});
            findings = new Part(FINDINGS, List.of("# / Index", "Mã dự án / Project id", "Quy tắc / Rule", "Tiêu chí / Criterion",
                    "Kết quả / Outcome", "Mức độ / Severity", "Điểm / Points", "Tiêu đề / Title (vi)", "Title (en)",
                    "Giải thích / Explanation (vi)", "Explanation (en)", "Căn cứ / Citations", "Khắc phục / Remedy (vi)",
                    "Remedy (en)"), new int[] {10, 18, 30, 12, 16, 12, 8, 45, 45, 80, 80, 40, 60, 60});
            portfolio = new Part(PORTFOLIO, List.of("Quy tắc / Rule", "Tiêu chí / Criterion", "Mức độ / Severity",
                    "Dự án / Projects", "Tiêu đề / Title (vi)", "Title (en)", "Giải thích / Explanation (vi)", "Explanation (en)",
                    "Căn cứ / Citations", "Khắc phục / Remedy (vi)", "Remedy (en)"),
                    new int[] {22, 12, 12, 40, 45, 45, 80, 80, 40, 60, 60});
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The findings sheet says each finding in full; no sheet shows the path to compliance. */
    @Override
    public Detail detail() {
        return Detail.FINDINGS;
    }

    @Override
    public void result(int index, Assessment a) {
        if (ruleset == null) {
            ruleset = a.ruleset();
        }
        Row r = projects.row();
        number(r, 0, index);
        text(r, 1, a.projectId());
        text(r, 2, a.projectName());
        text(r, 3, a.province() == null ? null : a.province().name());
        verdict(r, 4, a.verdict());
        number(r, 5, a.score());
        int c = 6;
        for (String g : CsvBatchWriter.GROUPS) {
            int points = a.scoreBreakdown() == null ? 0 : a.scoreBreakdown().stream().filter(s -> g.equals(s.group()))
                    .mapToInt(Assessment.ScoreGroup::points).sum();
            number(r, c++, points);
        }
        List<Finding> all = a.findings() == null ? List.of() : a.findings();
        number(r, c++, count(all, Severity.BLOCKING));
        number(r, c++, count(all, Severity.REVIEW));
        number(r, c++, all.stream().filter(f -> f.outcome() != Outcome.MET).count());
        text(r, c, vi(a.summary()));
        for (Finding f : all) {
            Row fr = findings.row();
            number(fr, 0, index);
            text(fr, 1, a.projectId());
            text(fr, 2, f.ruleId());
            text(fr, 3, f.criterion());
            text(fr, 4, f.outcome() == null ? null : f.outcome().name());
            text(fr, 5, f.severity() == null ? null : f.severity().name());
            number(fr, 6, f.points());
            text(fr, 7, vi(f.title()));
            text(fr, 8, en(f.title()));
            text(fr, 9, vi(f.explanation()));
            text(fr, 10, en(f.explanation()));
            text(fr, 11, citations(f.citations()));
            text(fr, 12, f.remedy() == null ? null : vi(f.remedy().text()));
            text(fr, 13, f.remedy() == null ? null : en(f.remedy().text()));
        }
    }

    @Override
    public void error(int index, String projectId, List<Problem> problems) {
        error(index, projectId, null, null, problems);
    }

    @Override
    public void error(int index, String projectId, String name, String province, List<Problem> problems) {
        Row r = projects.row();
        number(r, 0, index);
        text(r, 1, projectId);
        text(r, 2, name);
        text(r, 3, province);
        text(r, 4, "INVALID");
        text(r, projects.columns.size() - 1, problems.stream()
                .map(p -> p.path() + ": " + vi(p.message()) + " / " + en(p.message())).collect(Collectors.joining("; ")));
    }

    @Override
    public void finish(BatchSummary s, List<PortfolioFinding> portfolioFindings) throws IOException {
        try {
            for (PortfolioFinding f : portfolioFindings) {
                Row r = portfolio.row();
                text(r, 0, f.ruleId());
                text(r, 1, f.criterion());
                text(r, 2, f.severity() == null ? null : f.severity().name());
                text(r, 3, CsvBatchWriter.ids(f, ", "));
                text(r, 4, vi(f.title()));
                text(r, 5, en(f.title()));
                text(r, 6, vi(f.explanation()));
                text(r, 7, en(f.explanation()));
                text(r, 8, citations(f.citations()));
                text(r, 9, vi(f.remedy()));
                text(r, 10, en(f.remedy()));
            }
            writeSummary(s, portfolioFindings.size());
            projects.filters();
            findings.filters();
            portfolio.filters();
            workbook.write(out);
            out.flush();
        } finally {
            close();
        }
    }

    /**
     * Nothing of a workbook goes out before it is written whole, so a list that fails still gets one: the sheets
     * as far as they got, and first of all a sheet that says the answer is incomplete, why, and after how many items.
     */
    @Override
    public boolean incomplete(Text reason, int items) throws IOException {
        try {
            SXSSFSheet sheet = workbook.createSheet(INCOMPLETE);
            workbook.setSheetOrder(INCOMPLETE, 0);
            workbook.setActiveSheet(0);
            workbook.setSelectedTab(0);
            sheet.setColumnWidth(0, 40 * 256);
            sheet.setColumnWidth(1, 100 * 256);
            Row title = sheet.createRow(0);
            text(title, 0, "CHƯA ĐẦY ĐỦ / INCOMPLETE");
            title.getCell(0).setCellStyle(headerStyle);
            Row vi = sheet.createRow(1);
            text(vi, 0, "Câu trả lời không đầy đủ");
            text(vi, 1, reason.vi());
            Row en = sheet.createRow(2);
            text(en, 0, "The answer is incomplete");
            text(en, 1, reason.en());
            Row count = sheet.createRow(3);
            text(count, 0, "Số mục đã trả lời / Items answered");
            number(count, 1, items);
            workbook.write(out);
            out.flush();
            return true;
        } finally {
            close();
        }
    }

    private void writeSummary(BatchSummary s, int portfolioCount) {
        int n = 0;
        Row title = summary.createRow(n++);
        text(title, 0, "Phên Dậu — đánh giá danh sách dự án theo Nghị quyết 23/NQ-CP");
        text(title, 1, "List assessment against Resolution 23/NQ-CP");
        title.getCell(0).setCellStyle(headerStyle);
        n++;
        Row head = summary.createRow(n++);
        header(head, List.of("Chỉ tiêu", "Item", "Số lượng / Count"));
        n = line(n, "Tổng số mục", "Items", s.total());
        n = line(n, "Đã đánh giá", "Assessed", s.assessed());
        n = line(n, "Không hợp lệ", "Invalid", s.invalid());
        for (Verdict v : List.of(Verdict.COMPLIANT, Verdict.NEEDS_REVIEW, Verdict.NON_COMPLIANT, Verdict.OUT_OF_SCOPE)) {
            Row r = summary.createRow(n);
            text(r, 0, VERDICTS_VI.get(v));
            verdict(r, 1, v);
            number(r, 2, s.byVerdict() == null ? 0 : s.byVerdict().getOrDefault(v.name(), 0));
            n++;
        }
        n = line(n, "Phát hiện trên danh mục (DISC-3)", "Portfolio findings (DISC-3)", portfolioCount);
        n++;
        if (ruleset != null) {
            Row r = summary.createRow(n++);
            text(r, 0, "Bộ quy tắc");
            text(r, 1, "Ruleset");
            text(r, 2, ruleset.version() + " (" + ruleset.fingerprint() + ")");
        }
        Row at = summary.createRow(n);
        text(at, 0, "Lập lúc (UTC)");
        text(at, 1, "Generated (UTC)");
        text(at, 2, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private int line(int n, String vi, String en, long value) {
        Row r = summary.createRow(n);
        text(r, 0, vi);
        text(r, 1, en);
        number(r, 2, value);
        return n + 1;
    }

    /** Deletes the temporary files; safe to call again, and called when the list fails before {@link #finish}. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!workbook.dispose()) {
            LOG.debug("some SXSSF temporary files were not deleted");
        }
        try {
            workbook.close();
        } catch (IOException e) {
            LOG.debugf(e, "closing the SXSSF workbook");
        }
    }

    // ---- cells ------------------------------------------------------------------------------------------------

    private void text(Row r, int column, String value) {
        if (value == null) {
            return;
        }
        String safe = SpreadsheetCells.neutralise(value);
        boolean neutralised = !safe.equals(value);
        if (safe.length() > MAX_TEXT) {
            int cut = MAX_TEXT - 1;
            if (Character.isHighSurrogate(safe.charAt(cut - 1))) {
                cut--;
            }
            safe = safe.substring(0, cut) + "…";
        }
        Cell cell = r.createCell(column);
        cell.setCellValue(safe);  // a string cell: never a formula
        if (neutralised) {
            cell.setCellStyle(quoted);
        }
    }

    private static void number(Row r, int column, long value) {
        r.createCell(column).setCellValue(value);
    }

    private void verdict(Row r, int column, Verdict v) {
        text(r, column, v == null ? null : v.name());
        if (v != null) {
            r.getCell(column).setCellStyle(verdictStyles.get(v));
        }
    }

    private void header(Row r, List<String> columns) {
        for (int i = 0; i < columns.size(); i++) {
            text(r, i, columns.get(i));
            r.getCell(i).setCellStyle(headerStyle);
        }
    }

    private static long count(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity && f.outcome() != Outcome.MET).count();
    }

    /** "23/NQ-CP III.2.g-1; Luật 58/2024/QH15 Điều 9" */
    static String citations(List<Citation> citations) {
        if (citations == null) {
            return null;
        }
        return citations.stream().map(c -> {
            String where = c.paragraph() != null ? c.paragraph() : c.article();
            return where == null ? String.valueOf(c.document()) : c.document() + " " + where;
        }).collect(Collectors.joining("; "));
    }

    private static String vi(Text t) {
        return t == null ? null : t.vi();
    }

    private static String en(Text t) {
        return t == null ? null : t.en();
    }

    private static XSSFColor colour(String rgb) {
        byte[] b = new byte[3];
        for (int i = 0; i < 3; i++) {
            b[i] = (byte) Integer.parseInt(rgb.substring(2 * i, 2 * i + 2), 16);
        }
        return new XSSFColor(b, null);
    }

    /**
     * A sheet with a header row, continued on another sheet ("… (2)") when it reaches Excel's row limit, which
     * the findings of a long list can.
     */
    private final class Part {

        final String name;
        final List<String> columns;
        final int[] widths;
        final List<SXSSFSheet> pages = new ArrayList<>();
        SXSSFSheet sheet;
        int next;

        Part(String name, List<String> columns, int[] widths) {
            this.name = name;
            this.columns = columns;
            this.widths = widths;
            newPage();
        }

        private void newPage() {
            SXSSFSheet previous = sheet;
            sheet = workbook.createSheet(pages.isEmpty() ? name : name + " (" + (pages.size() + 1) + ")");
            if (previous != null) {
                workbook.setSheetOrder(sheet.getSheetName(), workbook.getSheetIndex(previous) + 1);
            }
            pages.add(sheet);
            for (int i = 0; i < widths.length && i < columns.size(); i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            header(sheet.createRow(0), columns);
            sheet.createFreezePane(0, 1);
            next = 1;
        }

        Row row() {
            if (next >= MAX_ROWS) {
                newPage();
            }
            return sheet.createRow(next++);
        }

        void filters() {
            for (SXSSFSheet page : pages) {
                int last = page == sheet ? next - 1 : MAX_ROWS - 1;
                page.setAutoFilter(new CellRangeAddress(0, Math.max(last, 0), 0, columns.size() - 1));
            }
        }
    }
}
