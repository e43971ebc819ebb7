package vn.phendau.batch;

import java.io.OutputStream;
import java.util.List;
import vn.phendau.assessment.Assessment;
import vn.phendau.problem.Problem;
import vn.phendau.problem.ProblemException;

/** Placeholder until Excel writing lands: refuses with 406 rather than guessing. */
public final class XlsxBatchWriter implements BatchSink {

    public XlsxBatchWriter(OutputStream out) {
        throw new ProblemException(406, "not-acceptable", "Chưa hỗ trợ Excel", "Excel not yet supported",
                List.of(Problem.at("Accept", "hãy dùng application/json hoặc text/csv", "use application/json or text/csv")));
    }

    @Override
    public void result(int index, Assessment assessment) {
    }

    @Override
    public void error(int index, String projectId, List<Problem> problems) {
    }

    @Override
    public void finish(BatchSummary summary, List<PortfolioFinding> portfolioFindings) {
    }
}
