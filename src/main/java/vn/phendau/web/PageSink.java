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

/**
 * Keeps a list's answers for its page: each assessment into the store (for its report), a row for the table. The
 * reports are encoded as they come and kept a chunk at a time (one transaction each), so that a list of 2,000 is
 * neither 2,000 transactions nor 2,000 assessments held at once; the list itself is kept last, once its reports are.
 */
final class PageSink implements BatchSink {

    /** Reports kept in one transaction. */
    static final int CHUNK = 50;

    private final ReportStore store;
    private final String source;
    private final ListResult.Input input;
    private final List<ListResult.Row> rows = new ArrayList<>();
    private final List<ListResult.Invalid> invalid = new ArrayList<>();
    private final List<ReportStore.Encoded> pending = new ArrayList<>();
    private ListResult result;

    PageSink(ReportStore store, String source, ListResult.Input input) {
        this.store = store;
        this.source = source;
        this.input = input;
    }

    @Override
    public void result(int index, Assessment a) {
        pending.add(ReportStore.encode(a));
        if (pending.size() >= CHUNK) {
            flush();
        }
        rows.add(new ListResult.Row(index + 1, a.assessmentId(), a.projectId(), a.projectName(), a.province().name(),
                a.verdict(), a.score()));
    }

    @Override
    public void error(int index, String projectId, List<Problem> problems) {
        invalid.add(new ListResult.Invalid(index + 1, projectId, problems));
    }

    @Override
    public void finish(BatchSummary summary, List<PortfolioFinding> portfolioFindings) {
        flush();
        result = new ListResult(UUID.randomUUID().toString(), source, Instant.now(), summary, List.copyOf(rows),
                List.copyOf(invalid), portfolioFindings, input);
        store.put(result);
    }

    private void flush() {
        store.putAll(List.copyOf(pending));
        pending.clear();
    }

    ListResult result() {
        return result;
    }
}
