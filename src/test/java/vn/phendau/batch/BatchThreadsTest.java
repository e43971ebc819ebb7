package vn.phendau.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.phendau.Engine;
import vn.phendau.assessment.AssessmentService;
import vn.phendau.assessment.Explainer;
import vn.phendau.assessment.FactBuilder;
import vn.phendau.reference.ParameterTable;

/**
 * Items assessed side by side give the answer one thread gives, item for item and in input order; a failure on a
 * worker thread comes out of the list's run, not lost on that thread.
 */
class BatchThreadsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    private static BatchService batch(int threads) {
        return new BatchService(Engine.READER, Engine.SERVICE, Engine.RULES, Engine.GROUPS, new ParameterTable(),
                new Explainer(), Engine.LEGAL, () -> threads);
    }

    private static JsonNode answer(BatchService service) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ItemReader items = BatchFormat.CSV.open(SampleLists.CSV, Engine.READER)) {
            service.run(items, new JsonBatchWriter(MAPPER, out));
        }
        JsonNode answer = MAPPER.readTree(out.toByteArray());
        answer.get("results").forEach(r -> ((ObjectNode) r).remove(List.of("assessmentId", "assessedAt")));
        return answer;
    }

    @Test
    void fourThreadsAnswerAsOneDoes() throws IOException {
        JsonNode one = answer(batch(1));
        JsonNode four = answer(batch(4));
        assertEquals(one.get("summary"), four.get("summary"));
        assertEquals(one.get("errors"), four.get("errors"));
        assertEquals(one.get("portfolioFindings"), four.get("portfolioFindings"));
        assertEquals(one.get("results").size(), four.get("results").size());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < one.get("results").size(); i++) {
            assertEquals(one.get("results").get(i), four.get("results").get(i), "result " + i);
            order.add(four.at("/results/" + i + "/index").asInt());
        }
        assertEquals(order.stream().sorted().toList(), order, "results in input order");
    }

    @Test
    void aFailureOnAWorkerThreadEndsTheRun() throws IOException {
        AssessmentService failing = new AssessmentService(Engine.RULES, Engine.PROVINCES, Engine.GROUPS, new ParameterTable(),
                new FactBuilder(), new Explainer(), Engine.LEGAL) {
            @Override
            public vn.phendau.assessment.Assessment assess(vn.phendau.proposal.ProjectProposal p, JsonNode source,
                                                           vn.phendau.assessment.Detail detail) {
                throw new IllegalStateException("engine failure on " + p.id());
            }
        };
        BatchService service = new BatchService(Engine.READER, failing, Engine.RULES, Engine.GROUPS, new ParameterTable(),
                new Explainer(), Engine.LEGAL, () -> 2);
        try (ItemReader items = BatchFormat.CSV.open(SampleLists.CSV, Engine.READER)) {
            // The answer has begun, so it ends with the mark that says it is incomplete; the failure is its cause.
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            IncompleteAnswer e = assertThrows(IncompleteAnswer.class, () -> service.run(items, new JsonBatchWriter(MAPPER, answer)));
            assertEquals("engine failure on LS-2026-101", e.getCause().getMessage());
            assertTrue(MAPPER.readTree(answer.toByteArray()).has("incomplete"), "the JSON answer is valid and says it is incomplete");
        }
    }
}
