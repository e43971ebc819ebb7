package vn.phendau.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import vn.phendau.assessment.Assessment;
import vn.phendau.assessment.Detail;
import vn.phendau.common.Text;
import vn.phendau.problem.Problem;
import vn.phendau.rules.Outcome;
import vn.phendau.rules.Severity;

/**
 * The list's answer as CSV, one row per input item in input order, then one row per portfolio finding. UTF-8 with
 * a byte-order mark and CRLF line ends, so that Excel opens Vietnamese text correctly; every text cell neutralised
 * against formula injection.
 */
public final class CsvBatchWriter implements BatchSink {

    static final List<String> GROUPS = List.of("URG", "LINK", "SOC", "ECON", "DEF", "RES", "SCOPE");

    private final Writer out;

    public CsvBatchWriter(OutputStream os) throws IOException {
        out = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
        out.write('\uFEFF');
        List<String> header = new ArrayList<>(List.of("kind", "index", "id", "name", "province", "verdict", "score"));
        header.addAll(GROUPS);
        header.addAll(List.of("blocking", "review", "findings", "problems"));
        row(header);
    }

    /** A row shows the verdict, the points and each finding's rule and title: no explanations, no path. */
    @Override
    public Detail detail() {
        return Detail.SUMMARY;
    }

    @Override
    public void result(int index, Assessment a) throws IOException {
        List<String> cells = new ArrayList<>(List.of("PROJECT", String.valueOf(index), a.projectId(), a.projectName(),
                a.province().name(), a.verdict().name(), String.valueOf(a.score())));
        int[] points = new int[GROUPS.size()];
        for (var s : a.scoreBreakdown()) {
            int g = GROUPS.indexOf(s.group());
            if (g >= 0) {
                points[g] = s.points();
            }
        }
        for (int p : points) {
            cells.add(String.valueOf(p));
        }
        // One pass over the findings for the counts and the summary: this runs once per project of a long list.
        int blocking = 0;
        int review = 0;
        StringBuilder findings = new StringBuilder();
        for (var f : a.findings()) {
            if (f.outcome() == Outcome.MET) {
                continue;
            }
            blocking += f.severity() == Severity.BLOCKING ? 1 : 0;
            review += f.severity() == Severity.REVIEW ? 1 : 0;
            findings.append(findings.isEmpty() ? "" : "; ").append(f.ruleId()).append(": ").append(f.title().vi());
        }
        cells.add(String.valueOf(blocking));
        cells.add(String.valueOf(review));
        cells.add(findings.toString());
        cells.add("");
        row(cells);
    }

    @Override
    public void error(int index, String projectId, List<Problem> problems) throws IOException {
        error(index, projectId, null, null, problems);
    }

    @Override
    public void error(int index, String projectId, String name, String province, List<Problem> problems) throws IOException {
        List<String> cells = new ArrayList<>(List.of("INVALID", String.valueOf(index), projectId == null ? "" : projectId,
                name == null ? "" : name, province == null ? "" : province, "", ""));
        GROUPS.forEach(g -> cells.add(""));
        cells.addAll(List.of("", "", "", problems.stream().map(p -> p.path() + ": " + p.message().vi() + " / " + p.message().en())
                .collect(Collectors.joining("; "))));
        row(cells);
    }

    @Override
    public void finish(BatchSummary summary, List<PortfolioFinding> portfolio) throws IOException {
        for (PortfolioFinding f : portfolio) {
            List<String> cells = new ArrayList<>(List.of("PORTFOLIO", "", ids(f, " "), f.title().vi(),
                    "", f.severity().name(), ""));
            GROUPS.forEach(g -> cells.add(""));
            cells.addAll(List.of("", "", f.ruleId() + ": " + f.explanation().vi(), ""));
            row(cells);
        }
        out.flush();
    }

    /** The ids a portfolio finding names, and how many more it does not: "A B C (+1900)". */
    static String ids(PortfolioFinding f, String separator) {
        String ids = String.join(separator, f.projectIds());
        return f.moreProjects() == 0 ? ids : ids + " (+" + f.moreProjects() + ")";
    }

    /** A last row INCOMPLETE, with why and after how many items, after the rows that did go out. */
    @Override
    public boolean incomplete(Text reason, int items) throws IOException {
        List<String> cells = new ArrayList<>(List.of("INCOMPLETE", String.valueOf(items), "", "", "", "", ""));
        GROUPS.forEach(g -> cells.add(""));
        cells.addAll(List.of("", "", "", reason.vi() + " / " + reason.en()));
        row(cells);
        out.flush();
        return true;
    }

    private void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(SpreadsheetCells.neutralise(cells.get(i))));
        }
        out.write("\r\n");
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

}
