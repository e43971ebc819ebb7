package vn.phendau.dossier;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import vn.phendau.assessment.Assessment;
import vn.phendau.assessment.Detail;
import vn.phendau.batch.BatchSink;
import vn.phendau.batch.BatchSummary;
import vn.phendau.batch.JsonBatchWriter;
import vn.phendau.batch.PortfolioFinding;
import vn.phendau.dossier.DossierViews.Ref;
import vn.phendau.problem.Problem;

/**
 * A list's writer with each assessed item filed first: the item is written only once its version is stored, so the
 * answer never names a version that was not. In JSON each item carries its dossier; CSV and Excel answers are
 * written as the stateless list's are.
 */
final class FilingSink implements BatchSink, Closeable {

    /** An item of a filed list: its position, its assessment, and the dossier and version it went to. */
    record FiledItem(int index, @JsonUnwrapped Assessment assessment, Ref dossier) {
    }

    private final BatchSink out;
    private final DossierService dossiers;
    private final String by;
    private final vn.phendau.security.Scope scope;

    FilingSink(BatchSink out, DossierService dossiers, String by, vn.phendau.security.Scope scope) {
        this.out = out;
        this.dossiers = dossiers;
        this.by = by;
        this.scope = scope;
    }

    /** Every item is assessed in full, whatever the answer shows of it: that is what is kept. */
    @Override
    public Detail detail() {
        return Detail.FULL;
    }

    @Override
    public void result(int index, Assessment assessment) {
        throw new IllegalStateException("a filed list needs each item's proposal");
    }

    @Override
    public boolean result(int index, JsonNode proposal, Assessment assessment) throws IOException {
        Ref ref;
        try {
            ref = dossiers.store(proposal, assessment, by, scope).dossier();
        } catch (vn.phendau.problem.ProblemException refused) {
            // An item of a province the officer may not file for: that item is refused, the others are filed.
            out.error(index, assessment.projectId(), java.util.List.of(Problem.at("location.province",
                    refused.problems().get(0).message().vi(), refused.problems().get(0).message().en())));
            return false;
        }
        if (out instanceof JsonBatchWriter json) {
            json.writeResult(new FiledItem(index, assessment, ref));
        } else {
            out.result(index, assessment);
        }
        return true;
    }

    @Override
    public void error(int index, String projectId, List<Problem> problems) throws IOException {
        out.error(index, projectId, problems);
    }

    @Override
    public void finish(BatchSummary summary, List<PortfolioFinding> portfolioFindings) throws IOException {
        out.finish(summary, portfolioFindings);
    }

    @Override
    public void close() throws IOException {
        if (out instanceof Closeable c) {
            c.close();
        }
    }
}
