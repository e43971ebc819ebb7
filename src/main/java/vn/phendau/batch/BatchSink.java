package vn.phendau.batch;

import java.io.IOException;
import java.util.List;
import vn.phendau.assessment.Assessment;
import vn.phendau.assessment.Detail;
import vn.phendau.common.Text;
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

    /**
     * An assessed item with the proposal it was made of, for a sink that keeps it (dossiers); most need only the answer.
     * False when the sink refused to keep it and wrote it as an error instead (a filed list's item of a province the
     * officer may not file for): the list's counts then have it among the invalid items, as its answer does.
     */
    default boolean result(int index, com.fasterxml.jackson.databind.JsonNode proposal, Assessment assessment) throws IOException {
        result(index, assessment);
        return true;
    }

    void error(int index, String projectId, List<Problem> problems) throws IOException;

    /**
     * An item that could not be assessed, with its name and province as the item gives them (null where it gives
     * none, or not as text): a report that has a row per item shows them for the invalid ones too.
     */
    default void error(int index, String projectId, String name, String province, List<Problem> problems) throws IOException {
        error(index, projectId, problems);
    }

    /** After the last item: the counts, and the findings that only show across the list. */
    void finish(BatchSummary summary, List<PortfolioFinding> portfolioFindings) throws IOException;

    /**
     * The list failed after its answer began (before or during {@link #finish}): ends the answer, still valid in
     * its format, with a mark that says it is incomplete, why, and after how many items. Never throws for the
     * state the failure left the writer in; an I/O error means the answer cannot be ended at all. True when the
     * answer is so marked; a sink whose answer is not streamed (the pages) fails whole instead, and says false.
     */
    default boolean incomplete(Text reason, int items) throws IOException {
        return false;
    }
}
