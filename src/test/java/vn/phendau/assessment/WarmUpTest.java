package vn.phendau.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import vn.phendau.proposal.ProposalReader;
import vn.phendau.rules.RuleBase;
import vn.phendau.web.Samples;

/** The warm-up holds readiness back until it has assessed the samples, and changes no answer. */
@QuarkusTest
class WarmUpTest {

    @Inject
    RuleBase rules;
    @Inject
    AssessmentService service;
    @Inject
    ProposalReader reader;
    @Inject
    Samples samples;
    @Inject
    ObjectMapper mapper;

    @Test
    void readyOnceTheSamplesAreAssessedWithTheSameAnswers() throws Exception {
        List<JsonNode> before = samples.all().stream().map(this::answer).toList();
        WarmUp warmUp = new WarmUp(rules, service, reader, samples, mapper, true, 2);
        assertEquals(HealthCheckResponse.Status.DOWN, warmUp.call().getStatus(), "not ready before the warm-up");
        warmUp.start(null);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (warmUp.call().getStatus() == HealthCheckResponse.Status.DOWN && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(HealthCheckResponse.Status.UP, warmUp.call().getStatus(), "ready after the warm-up");
        assertEquals(before, samples.all().stream().map(this::answer).toList(), "the same answers after the warm-up");
    }

    @Test
    void refusesFewerThanOneThread() {
        assertThrows(IllegalArgumentException.class, () -> new WarmUp(rules, service, reader, samples, mapper, true, 0));
    }

    private JsonNode answer(Samples.Sample sample) {
        JsonNode tree = reader.readTree(sample.json().getBytes(StandardCharsets.UTF_8));
        ObjectNode answer = mapper.valueToTree(service.assess(reader.convert(tree), tree));
        answer.remove(List.of("assessmentId", "assessedAt"));
        return answer;
    }
}
