package vn.phendau.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.phendau.assessment.Assessment;
import vn.phendau.batch.BatchSink;
import vn.phendau.batch.BatchSummary;
import vn.phendau.batch.PortfolioFinding;
import vn.phendau.problem.Problem;

/** Keeps a list's answers for its page: each assessment into the store (for its report), a row for the table. */
final class PageSink implements BatchSink {

    private final ReportStore store;
    private final String source;
    private final ListResult.Input input;
    private final List<ListResult.Row> rows = new ArrayList<>();
    private final List<ListResult.Invalid> invalid = new ArrayList<>();
    private ListResult result;

    PageSink(ReportStore store, String source, ListResult.Input input) {
        this.store = store;
        this.source = source;
        this.input = input;
    }

    @Override
    public void result(int index, Assessment a) {
        store.put(a);
        rows.add(new ListResult.Row(index + 1, a.assessmentId(), a.projectId(), a.projectName(), a.province().name(),
                a.verdict(), a.score()));
    }

    @Override
    public void error(int index, String projectId, List<Problem> problems) {
        invalid.add(new ListResult.Invalid(index + 1, projectId, problems));
    }

    @Override
    public void finish(BatchSummary summary, List<PortfolioFinding> portfolioFindings) {
        result = new ListResult(UUID.randomUUID().toString(), source, Instant.now(), summary, List.copyOf(rows),
                List.copyOf(invalid), portfolioFindings, input);
        store.put(result);
    }

    ListResult result() {
        return result;
    }
}
