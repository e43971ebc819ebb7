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
import vn.phendau.problem.Problem;
import vn.phendau.rules.Outcome;

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

    @Override
    public void result(int index, Assessment a) throws IOException {
        List<String> cells = new ArrayList<>(List.of("PROJECT", String.valueOf(index), a.projectId(), a.projectName(),
                a.province().name(), a.verdict().name(), String.valueOf(a.score())));
        for (String g : GROUPS) {
            cells.add(a.scoreBreakdown().stream().filter(s -> s.group().equals(g)).findFirst()
                    .map(s -> String.valueOf(s.points())).orElse("0"));
        }
        cells.add(String.valueOf(count(a, "BLOCKING")));
        cells.add(String.valueOf(count(a, "REVIEW")));
        cells.add(a.findings().stream().filter(f -> f.outcome() != Outcome.MET)
                .map(f -> f.ruleId() + ": " + f.title().vi()).collect(Collectors.joining("; ")));
        cells.add("");
        row(cells);
    }

    private static long count(Assessment a, String severity) {
        return a.findings().stream().filter(f -> f.severity().name().equals(severity) && f.outcome() != Outcome.MET).count();
    }

    @Override
    public void error(int index, String projectId, List<Problem> problems) throws IOException {
        List<String> cells = new ArrayList<>(List.of("INVALID", String.valueOf(index), projectId == null ? "" : projectId,
                "", "", "", ""));
        GROUPS.forEach(g -> cells.add(""));
        cells.addAll(List.of("", "", "", problems.stream().map(p -> p.path() + ": " + p.message().vi() + " / " + p.message().en())
                .collect(Collectors.joining("; "))));
        row(cells);
    }

    @Override
    public void finish(BatchSummary summary, List<PortfolioFinding> portfolio) throws IOException {
        for (PortfolioFinding f : portfolio) {
            List<String> cells = new ArrayList<>(List.of("PORTFOLIO", "", String.join(" ", f.projectIds()), f.title().vi(),
                    "", f.severity().name(), ""));
            GROUPS.forEach(g -> cells.add(""));
            cells.addAll(List.of("", "", f.ruleId() + ": " + f.explanation().vi(), ""));
            row(cells);
        }
        out.flush();
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
