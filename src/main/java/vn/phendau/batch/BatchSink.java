package vn.phendau.batch;

import java.io.IOException;
import java.util.List;
import vn.phendau.assessment.Assessment;
import vn.phendau.assessment.Detail;
import vn.phendau.problem.Problem;

/** Where a list's answers go as they are made, in input order: a JSON, CSV or Excel writer. */
public interface BatchSink {

    /**
     * How much of each assessment this sink shows: a list's items are assessed with no more words than that
     * (the verdict and score are the same at every detail).
     */
    default Detail detail() {
        return Detail.FULL;
    }

    void result(int index, Assessment assessment) throws IOException;

    /** An assessed item with the proposal it was made of, for a sink that keeps it (dossiers); most need only the answer. */
    default void result(int index, com.fasterxml.jackson.databind.JsonNode proposal, Assessment assessment) throws IOException {
        result(index, assessment);
    }

    void error(int index, String projectId, List<Problem> problems) throws IOException;

    /** After the last item: the counts, and the findings that only show across the list. */
    void finish(BatchSummary summary, List<PortfolioFinding> portfolioFindings) throws IOException;
}
