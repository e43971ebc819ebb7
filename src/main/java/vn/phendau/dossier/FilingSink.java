package vn.phendau.dossier;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.phendau.assessment.Assessment;
import vn.phendau.assessment.Detail;
import vn.phendau.batch.BatchSink;
import vn.phendau.batch.BatchSummary;
import vn.phendau.batch.JsonBatchWriter;
import vn.phendau.batch.PortfolioFinding;
import vn.phendau.dossier.DossierViews.Ref;
import vn.phendau.problem.Problem;

/**
 * A list's writer with each assessed item filed first: the items are filed a chunk at a time, each chunk in one
 * transaction (all of its items or none), and written only once their chunk is stored, so the answer never names a
 * version that was not. Invalid items wait in the chunk too, so that the answer keeps the list's order. In JSON each
 * item carries its dossier; CSV and Excel answers are written as the stateless list's are.
 */
final class FilingSink implements BatchSink, Closeable {

    /** Items filed in one transaction: one commit and one lock of the audit chain's head for this many. */
    static final int CHUNK = 50;

    /** An item of a filed list: its position, its assessment, and the dossier and version it went to. */
    record FiledItem(int index, @JsonUnwrapped Assessment assessment, Ref dossier) {
    }

    /** An item waiting for its chunk: an assessed one (with what is filed of it), or an invalid one. */
    private record Waiting(int index, DossierService.ToFile filed, String projectId, List<Problem> problems) {
    }

    private final BatchSink out;
    private final DossierService dossiers;
    private final String by;
    private final vn.phendau.security.Scope scope;
    private final List<Waiting> waiting = new ArrayList<>();
    private int toFile;
    /** Items refused only when their chunk was stored, by verdict. */
    private final Map<String, Integer> lateRefused = new HashMap<>();

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
        if (!dossiers.mayFile(assessment, scope)) {
            // An item of a province the officer may not file for: refused now, so that the list counts it as invalid.
            error(index, assessment.projectId(), refusal(DossierService.otherProvince(scope)));
            return false;
        }
        // Serialised and gzipped here, on the list's thread, before the chunk's transaction.
        waiting.add(new Waiting(index, dossiers.prepare(proposal, assessment), null, null));
        if (++toFile >= CHUNK) {
            fileWaiting();
        }
        return true;
    }

    @Override
    public void error(int index, String projectId, List<Problem> problems) throws IOException {
        if (waiting.isEmpty()) {
            out.error(index, projectId, problems);
        } else {
            waiting.add(new Waiting(index, null, projectId, problems));
        }
    }

    /** Files the waiting items in one transaction, then writes them, in the list's order. */
    private void fileWaiting() throws IOException {
        List<DossierService.ToFile> items = waiting.stream().map(Waiting::filed).filter(java.util.Objects::nonNull).toList();
        List<DossierService.Outcome> outcomes = items.isEmpty() ? List.of() : dossiers.storeAll(items, by, scope);
        int next = 0;
        for (Waiting w : waiting) {
            if (w.filed() == null) {
                out.error(w.index(), w.projectId(), w.problems());
                continue;
            }
            DossierService.Outcome o = outcomes.get(next++);
            Assessment assessment = w.filed().assessment();
            if (o.refused() != null) {
                // Its id is a dossier of a province the officer may not file for: known only as the chunk is stored,
                // so the summary is corrected at the end (the portfolio, already made, still counts it).
                out.error(w.index(), assessment.projectId(), refusal(o.refused()));
                lateRefused.merge(assessment.verdict().name(), 1, Integer::sum);
            } else if (out instanceof JsonBatchWriter json) {
                json.writeResult(new FiledItem(w.index(), assessment, o.filed().dossier()));
            } else {
                out.result(w.index(), assessment);
            }
        }
        waiting.clear();
        toFile = 0;
    }

    @Override
    public void finish(BatchSummary summary, List<PortfolioFinding> portfolioFindings) throws IOException {
        fileWaiting();
        out.finish(lateRefused.isEmpty() ? summary : withLateRefusals(summary), portfolioFindings);
    }

    private static List<Problem> refusal(vn.phendau.problem.ProblemException refused) {
        return List.of(Problem.at("location.province", refused.problems().get(0).message().vi(),
                refused.problems().get(0).message().en()));
    }

    /** The summary with the items refused late counted as invalid, as their answer shows them. */
    private BatchSummary withLateRefusals(BatchSummary s) {
        Map<String, Integer> byVerdict = new LinkedHashMap<>(s.byVerdict());
        int refused = 0;
        for (Map.Entry<String, Integer> e : lateRefused.entrySet()) {
            refused += e.getValue();
            byVerdict.computeIfPresent(e.getKey(), (k, n) -> n > e.getValue() ? n - e.getValue() : null);
        }
        return new BatchSummary(s.total(), s.assessed() - refused, s.invalid() + refused, byVerdict);
    }

    /**
     * The list failed part-way: the items waiting are not filed (nor written), so the answer, ended as incomplete,
     * names only versions that were stored.
     */
    @Override
    public boolean incomplete(vn.phendau.common.Text reason, int items) throws IOException {
        int dropped = waiting.size();
        waiting.clear();
        toFile = 0;
        return out.incomplete(reason, Math.max(items - dropped, 0));
    }

    @Override
    public void close() throws IOException {
        if (out instanceof Closeable c) {
            c.close();
        }
    }
}
