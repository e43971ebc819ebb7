package vn.phendau.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vn.phendau.Engine;
import vn.phendau.assessment.Assessment;
import vn.phendau.assessment.Finding;
import vn.phendau.batch.BatchItem;
import vn.phendau.batch.BatchSink;
import vn.phendau.batch.BatchSummary;
import vn.phendau.batch.ItemReader;
import vn.phendau.batch.PortfolioFinding;
import vn.phendau.common.Json;

/**
 * Rule tests as data: every file under cases/<theme>/ is one case — a sentence, a base proposal and the fields
 * that differ from it, and what must and must not fire. A policy analyst adds a case without writing Java.
 * After all cases, every rule of the catalog must have fired in one case and been expected silent in another.
 */
public class RuleCasesTest {

    private static final Path CASES = casesDir();
    private static final Set<String> FIRED = new TreeSet<>();
    private static final Set<String> SILENCED = new TreeSet<>();

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CASES)) {
            files = walk.filter(p -> p.toString().endsWith(".json") && !p.startsWith(CASES.resolve("bases"))).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(CASES.relativize(f) + ": " + name(f), () -> run(f)));
    }

    private static String name(Path f) {
        return read(f).path("name").asText();
    }

    private static void run(Path file) {
        JsonNode c = read(file);
        if (c.has("list")) {
            runList(c);
            return;
        }
        JsonNode proposal = merge(base(c), c.path("input"));
        Assessment a = Engine.SERVICE.assess(Engine.READER.read(Json.MAPPER.valueToTree(proposal).toString().getBytes()));
        Map<String, Finding> fired = new TreeMap<>();
        hits(a).forEach(f -> fired.put(f.ruleId(), f));
        for (JsonNode id : c.path("fires")) {
            assertTrue(fired.containsKey(id.asText()), id.asText() + " should fire; fired: " + fired.keySet());
            FIRED.add(id.asText());
        }
        for (JsonNode id : c.path("doesNotFire")) {
            assertTrue(!fired.containsKey(id.asText()), id.asText() + " should not fire; fired: " + fired.keySet());
            SILENCED.add(id.asText());
        }
        if (c.has("verdict")) {
            assertEquals(c.get("verdict").asText(), a.verdict().name(), "verdict; findings: " + fired.keySet());
        }
        if (c.has("score")) {
            assertEquals(c.get("score").asInt(), a.score(), "score");
        }
        // "checklist": {"LEGAL-1": "MISSING_INFO"}: the outcome the checklist gives a criterion.
        c.path("checklist").fields().forEachRemaining(e -> assertEquals(e.getValue().asText(), a.checklist().stream()
                .filter(i -> i.criterion().equals(e.getKey())).findFirst().orElseThrow().outcome().name(), e.getKey() + " in the checklist"));
        // "severity": {"ENV-1.sensitivity-unknown": "REVIEW"}: the severity a finding carries.
        c.path("severity").fields().forEachRemaining(e -> assertEquals(e.getValue().asText(),
                fired.get(e.getKey()).severity().name(), e.getKey() + " severity"));
        // "fixableByChange": {"LEGAL-2.border-river-flow": false}: whether the finding's remedy is a change of fields.
        c.path("fixableByChange").fields().forEachRemaining(e -> assertEquals(e.getValue().asBoolean(),
                fired.get(e.getKey()).remedy().fixableByChange(), e.getKey() + " fixable by a change"));
        // "pathChanges": ["defenseSecurity.foreignAffairsOpinion"]: the fields the path to compliance changes, in order.
        if (c.has("pathChanges")) {
            List<String> expected = new ArrayList<>();
            c.get("pathChanges").forEach(v -> expected.add(v.asText()));
            assertEquals(expected, a.pathToCompliance().changes().stream().map(ch -> ch.path()).toList(), "path to compliance changes");
        }
        c.path("explanationContains").fields().forEachRemaining(e -> {
            Finding f = fired.get(e.getKey());
            assertTrue(f != null, e.getKey() + " should fire to be explained");
            for (JsonNode text : e.getValue()) {
                String both = f.explanation().vi() + " | " + f.explanation().en();
                assertTrue(both.contains(text.asText()), e.getKey() + " should say '" + text.asText() + "': " + both);
            }
        });
        // "explanationLacks": what a text must not say (an empty fill-in, a feature that earned nothing).
        c.path("explanationLacks").fields().forEachRemaining(e -> {
            Finding f = fired.get(e.getKey());
            assertTrue(f != null, e.getKey() + " should fire to be explained");
            for (JsonNode text : e.getValue()) {
                String both = f.explanation().vi() + " | " + f.explanation().en();
                assertTrue(!both.contains(text.asText()), e.getKey() + " should not say '" + text.asText() + "': " + both);
            }
        });
        c.path("missingFields").fields().forEachRemaining(e -> {
            List<String> expected = new ArrayList<>();
            e.getValue().forEach(v -> expected.add(v.asText()));
            assertEquals(expected, fired.get(e.getKey()).missingFields(), e.getKey() + " missing fields");
        });
    }

    private static JsonNode base(JsonNode c) {
        return read(CASES.resolve("bases").resolve(c.path("base").asText("lang-son-road") + ".json")).deepCopy();
    }

    /**
     * A list case: each element of "list" is a patch over the base, the list is assessed as a batch, and the
     * portfolio findings are checked — which rules fired and which projects each names ("projects").
     */
    private static void runList(JsonNode c) {
        List<BatchItem> items = new ArrayList<>();
        for (JsonNode patch : c.get("list")) {
            items.add(BatchItem.of(items.size(), merge(base(c), patch)));
        }
        List<PortfolioFinding> found = new ArrayList<>();
        try {
            Engine.BATCH.run(new ListReader(items), new BatchSink() {
                public void result(int index, Assessment a) {
                }

                public void error(int index, String id, List<vn.phendau.problem.Problem> problems) {
                    throw new AssertionError("item " + index + " of the case is invalid: " + problems);
                }

                public void finish(BatchSummary summary, List<PortfolioFinding> portfolio) {
                    found.addAll(portfolio);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Set<String> fired = new TreeSet<>();
        found.forEach(f -> fired.add(f.ruleId()));
        for (JsonNode id : c.path("fires")) {
            assertTrue(fired.contains(id.asText()), id.asText() + " should fire; fired: " + found);
            FIRED.add(id.asText());
        }
        for (JsonNode id : c.path("doesNotFire")) {
            assertTrue(!fired.contains(id.asText()), id.asText() + " should not fire; fired: " + found);
            SILENCED.add(id.asText());
        }
        c.path("projects").fields().forEachRemaining(e -> {
            List<List<String>> named = found.stream().filter(f -> f.ruleId().equals(e.getKey())).map(PortfolioFinding::projectIds).toList();
            List<List<String>> expected = new ArrayList<>();
            e.getValue().forEach(group -> {
                List<String> ids = new ArrayList<>();
                group.forEach(id -> ids.add(id.asText()));
                expected.add(ids);
            });
            assertEquals(expected, named, e.getKey() + " names these projects");
        });
    }

    private static final class ListReader implements ItemReader {
        private final java.util.Iterator<BatchItem> items;

        ListReader(List<BatchItem> items) {
            this.items = items.iterator();
        }

        public boolean hasNext() {
            return items.hasNext();
        }

        public BatchItem next() {
            return items.next();
        }

        public void close() {
        }
    }

    /** Every rule that fired, MET ones included: the findings, and behind the checklist. */
    private static List<Finding> hits(Assessment a) {
        return a.findings();
    }

    @AfterAll
    static void everyRuleIsTestedBothWays() {
        List<String> untested = new ArrayList<>();
        for (RuleMeta r : Engine.RULES.rules()) {
            if (!FIRED.contains(r.id())) {
                untested.add(r.id() + " (never expected to fire)");
            }
            if (!SILENCED.contains(r.id())) {
                untested.add(r.id() + " (never expected silent)");
            }
        }
        assertTrue(untested.isEmpty(), "rules without a case: " + untested);
    }

    /** The input's fields over the base's; a null in the input removes the field (to make it unknown). */
    public static JsonNode merge(JsonNode base, JsonNode patch) {
        if (!(base instanceof ObjectNode b) || !patch.isObject()) {
            return patch.isMissingNode() ? base : patch;
        }
        patch.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                b.remove(e.getKey());
            } else {
                b.set(e.getKey(), b.has(e.getKey()) ? merge(b.get(e.getKey()), e.getValue()) : e.getValue());
            }
        });
        return b;
    }

    private static JsonNode read(Path f) {
        try {
            return Json.MAPPER.readTree(f.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(f + ": " + e.getMessage(), e);
        }
    }

    private static Path casesDir() {
        try {
            return Path.of(RuleCasesTest.class.getClassLoader().getResource("cases").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
