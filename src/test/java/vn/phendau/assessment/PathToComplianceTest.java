package vn.phendau.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vn.phendau.Engine;
import vn.phendau.common.Json;
import vn.phendau.proposal.ProjectProposal;

/**
 * Remedies are checked by re-assessing: for every sample, applying its path to a copy of the proposal and
 * assessing the copy gives the verdict the path promises — COMPLIANT, or an honest account of what is left.
 */
class PathToComplianceTest {

    @TestFactory
    Stream<DynamicTest> everySamplesPathIsVerifiedByReassessing() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("samples"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private static void check(Path file) throws IOException {
        ProjectProposal proposal = Engine.READER.read(Files.readAllBytes(file));
        Assessment a = Engine.SERVICE.assess(proposal);
        Assessment.PathToCompliance path = a.pathToCompliance();
        for (Finding f : a.findings()) {
            assertEquals(AssessmentService.holdsBack(f), f.remedy() != null, f.ruleId() + ": a remedy exactly when it holds back");
            if (f.remedy() != null) {
                assertFalse(f.remedy().text().vi().isBlank() || f.remedy().text().en().isBlank(), f.ruleId() + " remedy text");
                assertNotNull(f.remedy().basis(), f.ruleId() + " remedy basis");
            }
        }
        if (a.verdict() == Verdict.COMPLIANT) {
            assertTrue(path.reachable() && path.changes().isEmpty(), "a compliant project needs no change");
            return;
        }
        // Apply the path's changes to the proposal independently and assess the copy afresh.
        var doc = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.valueToTree(proposal);
        path.changes().forEach(c -> {
            com.fasterxml.jackson.databind.JsonNode before = doc.deepCopy();
            JsonChanges.apply(doc, c.path(), c.value());
            // The path lists only changes that change something (issue 16: sample 07 listed opinions already agreed).
            assertFalse(before.equals(doc), c.path() + " = " + c.value() + " is already so: the path lists a change that changes nothing");
        });
        assertEquals(Json.MAPPER.convertValue(doc, ProjectProposal.class), Changes.apply(proposal, path.changes()),
                "changing the record gives what changing its JSON and reading it back gives");
        Assessment fixed = Engine.SERVICE.assess(Engine.READER.read(doc.toString().getBytes()));
        assertEquals(path.verdict(), fixed.verdict(), "the path's verdict is what re-assessment gives");
        assertEquals(path.score(), fixed.score(), "the path's score is what re-assessment gives");
        if (path.reachable()) {
            assertEquals(Verdict.COMPLIANT, fixed.verdict());
        } else {
            assertFalse(path.remaining().isEmpty(), "an unreachable path names what remains");
            for (Finding f : fixed.findings()) {
                if (path.remaining().contains(f.ruleId())) {
                    assertFalse(f.remedy().fixableByChange(), f.ruleId() + " remains although a field change could fix it");
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aNewSourceListsItsFieldsInTheSchemasOrderEveryTime() throws IOException {
        Assessment a = Engine.SERVICE.assess(Engine.READER.read(Files.readAllBytes(
                Path.of("samples/19-dong-nai-logistics-hoa-lu.json"))));
        Finding.Change added = a.pathToCompliance().changes().stream().filter(c -> c.path().equals("investment.sources[-]"))
                .findFirst().orElseThrow();
        List<String> fields = new java.util.ArrayList<>();
        added.value().fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("type", "amountVnd", "secured"), fields);
    }

    @TestFactory
    Stream<DynamicTest> advisoryAndMetFindingsCarryNoRemedy() throws IOException {
        Assessment a = Engine.SERVICE.assess(Engine.READER.read(Files.readAllBytes(
                Path.of("samples/01-lang-son-duong-cua-khau-tan-thanh.json"))));
        return a.findings().stream().map(f -> DynamicTest.dynamicTest(f.ruleId(), () -> assertNull(f.remedy())));
    }
}
