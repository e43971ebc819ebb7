package vn.phendau.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.phendau.Engine;
import vn.phendau.common.Json;

/** The catalog is the rules' metadata: every rule complete, every citation real, every criterion decided. */
class RuleCatalogTest {

    @Test
    void everyRuleCarriesItsMetadataInBothLanguages() {
        for (RuleMeta r : Engine.RULES.rules()) {
            assertTrue(r.id().startsWith(r.criterion() + "."), r.id() + " should be named after its criterion");
            assertFalse(r.title().vi().isBlank() || r.title().en().isBlank(), r.id() + " title");
            assertFalse(r.explanation().vi().isBlank() || r.explanation().en().isBlank(), r.id() + " explanation");
            assertNotEquals(r.explanation().vi(), r.explanation().en(), r.id() + " explanation should be translated");
            assertFalse(r.cites().isEmpty(), r.id() + " cites no paragraph");
            assertFalse(r.reads().isEmpty(), r.id() + " reads no field");
            assertTrue(r.source().startsWith("rule \"" + r.id() + "\""), r.id() + " source text");
            assertTrue((r.severity() == Severity.PRIORITY) == (r.points() > 0), r.id() + ": points belong to priority findings");
        }
    }

    /**
     * CRITERIA.md v2: a MISSING_INFO finding of a criterion that can block or call for review is itself at REVIEW
     * level, so the verdict follows from the findings' severities alone (as contract_check.py derives it).
     */
    @Test
    void unknownsOfACriterionThatCanHoldBackAreAtReviewLevel() {
        Map<String, Boolean> holdsBack = new HashMap<>();
        for (RuleMeta r : Engine.RULES.rules()) {
            holdsBack.merge(r.criterion(), r.severity() == Severity.BLOCKING || r.severity() == Severity.REVIEW, Boolean::logicalOr);
        }
        List<String> wrong = new ArrayList<>();
        for (RuleMeta r : Engine.RULES.rules()) {
            if (r.outcome() == Outcome.MISSING_INFO && holdsBack.get(r.criterion()) && r.severity() != Severity.REVIEW) {
                wrong.add(r.id() + " (" + r.severity() + ")");
            }
        }
        assertEquals(List.of(), wrong, "MISSING_INFO rules of criteria that can block or call for review, below REVIEW");
    }

    /** The marks of a part said only when its values are there ("[[…]]") pair up in every text. */
    @Test
    void everyOptionalPartIsClosed() {
        for (RuleMeta r : Engine.RULES.rules()) {
            for (String text : new String[] {r.title().vi(), r.title().en(), r.explanation().vi(), r.explanation().en(),
                    r.remedy() == null ? "" : r.remedy().vi(), r.remedy() == null ? "" : r.remedy().en()}) {
                assertEquals(text.split("\\[\\[", -1).length, text.split("]]", -1).length, r.id() + ": " + text);
            }
        }
    }

    @Test
    void everyCitedParagraphExistsInTheResolution() {
        for (RuleMeta r : Engine.RULES.rules()) {
            for (String p : r.cites()) {
                assertTrue(Engine.LEGAL.paragraph(p).isPresent(), r.id() + " cites unknown paragraph " + p);
            }
            for (String law : r.laws()) {
                assertTrue(Engine.LEGAL.hasProvision(law), r.id() + " cites unknown provision " + law);
            }
        }
        for (Criterion c : Engine.RULES.criteria()) {
            c.cites().forEach(p -> assertTrue(Engine.LEGAL.paragraph(p).isPresent(), c.id() + " cites unknown " + p));
        }
    }

    @Test
    void everyCriterionOfTheSpecificationHasRules() {
        List<String> ids = Engine.RULES.criteria().stream().map(Criterion::id).toList();
        assertEquals(38, ids.size());
        assertEquals(ids.size(), ids.stream().distinct().count(), "criteria are unique");
        for (String id : ids) {
            assertTrue(Engine.RULES.rules().stream().anyMatch(r -> r.criterion().equals(id)), id + " has no rule");
        }
    }

    @Test
    void everyDrlFileIsInTheRulesetManifest() throws IOException {
        List<String> listed = new ArrayList<>();
        Json.resource("rules/ruleset.json").get("rules").forEach(n -> listed.add(n.asText()));
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/rules"))) {
            files.filter(f -> f.toString().endsWith(".drl"))
                    .forEach(f -> assertTrue(listed.contains("rules/" + f.getFileName()), f + " is not in ruleset.json"));
        }
    }

    @Test
    void theFingerprintChangesWhenAnyFileChanges() {
        Map<String, byte[]> files = new HashMap<>();
        files.put("rules/a.drl", "rule \"A\" when then end".getBytes());
        files.put("reference/x.json", "{\"v\": 1}".getBytes());
        String before = RuleBase.fingerprint(files);
        assertEquals(before, RuleBase.fingerprint(new HashMap<>(files)), "same files, same fingerprint");
        files.put("reference/x.json", "{\"v\": 2}".getBytes());
        assertNotEquals(before, RuleBase.fingerprint(files), "a changed data file changes it");
        files.put("reference/x.json", "{\"v\": 1}".getBytes());
        files.put("rules/a.drl", "rule \"A\" when then  end".getBytes());
        assertNotEquals(before, RuleBase.fingerprint(files), "a changed rule file changes it");
        assertTrue(Engine.RULES.fingerprint().matches("sha256:[0-9a-f]{64}"));
    }

    @Test
    void theBuildShipsTheRulesCompiledFromTheseVerySources() {
        ClassLoader loader = RuleBase.class.getClassLoader();
        RuleCompiler.Sources sources = RuleCompiler.Sources.read(loader);
        assertEquals(Engine.RULES.fingerprint(), sources.fingerprint(), "the packages are named by the rule set's fingerprint");
        var shipped = RuleCompiler.read(sources.fingerprint(), loader);
        assertTrue(shipped.isPresent(), RuleCompiler.COMPILED + " is missing or stale: the build compiles it (mvn process-classes)");
        // What dev mode does: the DRL compiled at start-up, the shipped packages ignored.
        RuleCompiler.Compiled fresh = RuleCompiler.load(loader, false);
        assertFalse(fresh.shipped(), "compiled from the DRL");
        Map<String, Map<String, Object>> compiled = new java.util.TreeMap<>();
        fresh.kieBase().getKiePackages().forEach(p -> p.getRules().forEach(r -> compiled.put(r.getName(), r.getMetaData())));
        Map<String, Map<String, Object>> inShipped = new java.util.TreeMap<>();
        shipped.get().forEach(p -> p.getRules().forEach(r -> inShipped.put(r.getName(), r.getMetaData())));
        assertTrue(compiled.equals(inShipped), "the shipped packages hold the rules and metadata that compiling the DRL gives");
        String otherRuleSet = RuleBase.fingerprint(Map.of("rules/scope.drl", (sources.drl().get("rules/scope.drl") + "\n").getBytes()));
        assertTrue(RuleCompiler.read(otherRuleSet, loader).isEmpty(), "the packages of another rule set are not used");
    }

    @Test
    void devModeNeverUsesTheShippedPackages() {
        // In dev mode a fact class can change while the DRL does not, and the packages are named by the DRL and
        // data files only: they could be stale unseen. So dev mode compiles the DRL; a packaged service and the
        // tests (built by Maven together with the packages) read the packages back.
        assertFalse(RuleCompiler.usesShippedPackages(io.quarkus.runtime.LaunchMode.DEVELOPMENT));
        assertTrue(RuleCompiler.usesShippedPackages(io.quarkus.runtime.LaunchMode.NORMAL));
        assertTrue(RuleCompiler.usesShippedPackages(io.quarkus.runtime.LaunchMode.TEST));
    }
}
