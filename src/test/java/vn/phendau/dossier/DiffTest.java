package vn.phendau.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.phendau.Engine;
import vn.phendau.common.Json;

/** The replay's quick comparison of two answers against the full diff it stands in for. */
class DiffTest {

    private static List<byte[]> answers() throws Exception {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(Json.MAPPER.writeValueAsBytes(Engine.SERVICE.assess(Engine.READER.read(Files.readAllBytes(f)))));
            }
        }
        return out;
    }

    /** What a replay counts as unchanged: two answers whose judgements have one digest. */
    private static boolean same(byte[] before, byte[] after) {
        String digest = StoredAnswer.judgementSha256(after);
        return digest != null && digest.equals(StoredAnswer.judgementSha256(before));
    }

    private static boolean fullDiffSame(byte[] a, byte[] b) throws Exception {
        Diff d = Diff.of(null, null, Json.MAPPER.readTree(a), Json.MAPPER.readTree(b));
        return !d.verdict().changed() && !d.score().changed() && !d.findingsChanged();
    }

    @Test
    void everyPairOfSampleAnswersComparesAsTheFullDiffSays() throws Exception {
        List<byte[]> answers = answers();
        assertTrue(answers.size() >= 24, "the samples' answers");
        for (int i = 0; i < answers.size(); i++) {
            for (int j = 0; j < answers.size(); j++) {
                // Two assessments of one sample are the same judgement (their ids and times differ); two samples' are not.
                assertEquals(fullDiffSame(answers.get(i), answers.get(j)), same(answers.get(i), answers.get(j)),
                        "samples " + i + " and " + j);
            }
            assertTrue(same(answers.get(i), answers.get(i)));
        }
    }

    @Test
    void aChangeInAFindingsTextOrTheScoreIsAChangeAndOneElsewhereIsNot() throws Exception {
        byte[] answer = answers().get(6);
        ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(answer);
        JsonNode finding = tree.withArray("findings").get(0);
        ((ObjectNode) finding).put("ruleId", finding.path("ruleId").asText() + "\"\\ \u0110");
        assertFalse(same(answer, Json.MAPPER.writeValueAsBytes(tree)), "a finding changed");

        // One finding fewer: its findings are the start of the other's, but not all of them, either way round.
        ObjectNode fewer = (ObjectNode) Json.MAPPER.readTree(answer);
        fewer.withArray("findings").remove(fewer.withArray("findings").size() - 1);
        byte[] fewerBytes = Json.MAPPER.writeValueAsBytes(fewer);
        assertFalse(same(answer, fewerBytes), "a finding fewer after");
        assertFalse(same(fewerBytes, answer), "a finding more after");

        ObjectNode score = (ObjectNode) Json.MAPPER.readTree(answer);
        score.put("score", score.path("score").asInt() + 1);
        assertFalse(same(answer, Json.MAPPER.writeValueAsBytes(score)), "the score changed");

        ObjectNode elsewhere = (ObjectNode) Json.MAPPER.readTree(answer);
        elsewhere.put("assessmentId", "another");
        elsewhere.withArray("checklist").removeAll();
        assertTrue(same(answer, Json.MAPPER.writeValueAsBytes(elsewhere)), "only what comes after the findings");
        // Pretty-printed, with strings holding brackets, quotes and escapes: the same members read the same.
        ObjectNode tricky = (ObjectNode) Json.MAPPER.readTree(answer);
        tricky.put("projectName", "}]\"{[\\\"");
        byte[] pretty = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(tricky);
        byte[] prettyOriginal = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(Json.MAPPER.readTree(answer));
        assertTrue(same(prettyOriginal, pretty));
    }

    @Test
    void whatIsNotAnAnswerComparesAsChanged() throws Exception {
        byte[] answer = answers().get(0);
        for (String bad : List.of("", "[]", "{", "{\"verdict\":\"COMPLIANT\",\"score\":1,\"findings\":[", "null", "{\"verdict\"}")) {
            byte[] b = bad.getBytes(StandardCharsets.UTF_8);
            assertFalse(same(b, b), bad);
            assertFalse(same(answer, b), bad);
        }
    }
}
