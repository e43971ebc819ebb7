package vn.phendau.assessment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import vn.phendau.Engine;
import vn.phendau.common.Json;
import vn.phendau.rules.Severity;

/**
 * The golden set: for every sample proposal, the answer judged by hand from CRITERIA.md (samples/expected/*.json),
 * not copied from the service. The service must give exactly that verdict, score and score per group; every key
 * finding listed and no other (the BLOCKING and REVIEW findings plus the PRIORITY findings that earn points); none
 * of the findings listed as absent; and the same answer on whether field changes alone can reach COMPLIANT.
 */
class GoldenSetTest {

    private static final Path SAMPLES = Path.of("samples");
    private static final Path EXPECTED = SAMPLES.resolve("expected");
    private static final List<String> GROUPS = List.of("URG", "LINK", "SOC", "ECON", "DEF", "RES", "SCOPE");

    @TestFactory
    Stream<DynamicTest> everySampleGetsTheAnswerJudgedByHand() throws IOException {
        List<Path> samples = jsonFiles(SAMPLES);
        assertFalse(samples.isEmpty(), "no samples found in " + SAMPLES.toAbsolutePath());
        return samples.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    @Test
    void everyExpectedFileHasItsSample() throws IOException {
        Set<String> samples = jsonFiles(SAMPLES).stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        List<String> orphans = jsonFiles(EXPECTED).stream().map(p -> p.getFileName().toString())
                .filter(n -> !samples.contains(n)).toList();
        assertTrue(orphans.isEmpty(), "expected files without a sample: " + orphans);
    }

    private static void check(Path sample) throws IOException {
        String name = sample.getFileName().toString();
        Path expectedFile = EXPECTED.resolve(name);
        if (!Files.isRegularFile(expectedFile)) {
            fail(name + " has no expected result in " + expectedFile);
        }
        JsonNode expected = Json.MAPPER.readTree(Files.readAllBytes(expectedFile));
        checkExpectedFile(name, expected);

        Assessment a = Engine.SERVICE.assess(Engine.READER.read(Files.readAllBytes(sample)));

        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(Verdict.valueOf(expected.get("verdict").asText()), a.verdict(), name + " verdict"));
        checks.add(() -> assertEquals(expected.get("score").asInt(), a.score(), name + " score"));

        Map<String, Integer> actualGroups = new LinkedHashMap<>();
        a.scoreBreakdown().forEach(g -> actualGroups.put(g.group(), g.points()));
        checks.add(() -> assertEquals(new TreeSet<>(GROUPS), new TreeSet<>(actualGroups.keySet()), name + " score groups"));
        for (String group : GROUPS) {
            int want = expected.get("scoreBreakdown").get(group).asInt();
            checks.add(() -> assertEquals(want, actualGroups.getOrDefault(group, -1), name + " points of group " + group));
        }

        Set<String> fired = a.findings().stream().map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
        Set<String> wantedKey = strings(expected.get("findings"));
        for (String rule : wantedKey) {
            checks.add(() -> assertTrue(fired.contains(rule), name + ": " + rule + " must be among the findings " + fired));
        }
        for (String rule : strings(expected.get("absent"))) {
            checks.add(() -> assertFalse(fired.contains(rule), name + ": " + rule + " must not fire"));
        }
        Set<String> actualKey = a.findings().stream()
                .filter(f -> f.severity() == Severity.BLOCKING || f.severity() == Severity.REVIEW
                        || (f.severity() == Severity.PRIORITY && f.points() > 0))
                .map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
        checks.add(() -> assertEquals(wantedKey, actualKey,
                name + ": the BLOCKING/REVIEW findings and the PRIORITY findings with points are exactly the key findings"));

        boolean reachable = expected.get("pathToCompliance").get("reachable").asBoolean();
        checks.add(() -> assertEquals(reachable, a.pathToCompliance().reachable(),
                name + " pathToCompliance.reachable (remaining: " + a.pathToCompliance().remaining() + ")"));

        assertAll(name, checks);
    }

    /** The expected file itself must be well formed: all groups, a score that is their sum, a verdict, a path. */
    private static void checkExpectedFile(String name, JsonNode e) {
        for (String field : List.of("verdict", "score", "scoreBreakdown", "findings", "absent", "pathToCompliance", "reasoning")) {
            assertTrue(e.hasNonNull(field), "expected/" + name + " lacks " + field);
        }
        Verdict.valueOf(e.get("verdict").asText());
        int sum = 0;
        for (String group : GROUPS) {
            assertTrue(e.get("scoreBreakdown").has(group), "expected/" + name + " lacks score group " + group);
            sum += e.get("scoreBreakdown").get(group).asInt();
        }
        assertEquals(e.get("score").asInt(), sum, "expected/" + name + ": score is the sum of its groups");
        assertTrue(e.get("pathToCompliance").has("reachable"), "expected/" + name + " lacks pathToCompliance.reachable");
        Set<String> overlap = new TreeSet<>(strings(e.get("findings")));
        overlap.retainAll(strings(e.get("absent")));
        assertTrue(overlap.isEmpty(), "expected/" + name + " lists rules as both present and absent: " + overlap);
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new TreeSet<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            out.add(it.next().asText());
        }
        return out;
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
