package vn.phendau.web;

import java.time.Instant;
import java.util.List;
import vn.phendau.assessment.Verdict;
import vn.phendau.batch.BatchSummary;
import vn.phendau.batch.PortfolioFinding;
import vn.phendau.problem.Problem;

/** A list as its page shows it: one row per assessed project (its report kept apart), the invalid items, the portfolio findings. */
public record ListResult(String listId, String source, Instant at, BatchSummary summary, List<Row> rows,
                         List<Invalid> invalid, List<PortfolioFinding> portfolio) {

    /** @param item the item's position in the list, from 1 as a person counts */
    /** The report of a project of the list, by its id: null when the id is not one of the assessed rows. */
    public String reportOf(String projectId) {
        return rows.stream().filter(r -> r.projectId().equals(projectId)).map(Row::assessmentId).findFirst().orElse(null);
    }

    /** How many projects got each verdict, in the order verdicts are decided. */
    public List<VerdictCount> verdicts() {
        return java.util.Arrays.stream(Verdict.values())
                .map(v -> new VerdictCount(v, summary.byVerdict().getOrDefault(v.name(), 0))).toList();
    }

    public record VerdictCount(Verdict verdict, int count) {
    }

    public record Row(int item, String assessmentId, String projectId, String projectName, String province,
                      Verdict verdict, int score) {
    }

    public record Invalid(int item, String projectId, List<Problem> problems) {
    }
}
