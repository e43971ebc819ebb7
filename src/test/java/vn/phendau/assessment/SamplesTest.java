package vn.phendau.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.phendau.Engine;
import vn.phendau.rules.Criterion;
import vn.phendau.rules.Outcome;

/** The samples a new user tries first: together they reach every verdict, and every answer is self-consistent. */
class SamplesTest {

    @Test
    void theSamplesReachEveryVerdictWithConsistentAnswers() throws IOException {
        Set<Verdict> reached = EnumSet.noneOf(Verdict.class);
        List<String> criteria = Engine.RULES.criteria().stream().map(Criterion::id).toList();
        String readme = Files.readString(Path.of("samples/README.md"));
        for (Path f : samples()) {
            Assessment a = Engine.SERVICE.assess(Engine.READER.read(Files.readAllBytes(f)));
            String name = f.getFileName().toString();
            reached.add(a.verdict());
            assertTrue(readme.contains("| " + name.substring(0, 2) + " |"), name + " has no line in samples/README.md");
            assertEquals(criteria, a.checklist().stream().map(Assessment.ChecklistItem::criterion).toList(),
                    name + ": the checklist names every criterion once, in order");
            assertEquals(a.score(), a.scoreBreakdown().stream().mapToInt(Assessment.ScoreGroup::points).sum(), name + " score");
            a.scoreBreakdown().forEach(g -> assertTrue(g.points() <= g.max(), name + " " + g.group() + " over its maximum"));
            List<Finding> sorted = new ArrayList<>(a.findings());
            sorted.sort(Comparator.comparing(Finding::severity));
            assertEquals(sorted.stream().map(Finding::severity).toList(), a.findings().stream().map(Finding::severity).toList(),
                    name + ": findings ordered by severity");
            a.findings().forEach(x -> {
                assertTrue(x.outcome() != Outcome.NOT_APPLICABLE, name + " lists a not-applicable finding");
                assertTrue(x.outcome() != Outcome.MISSING_INFO || !x.missingFields().isEmpty(), name + " " + x.ruleId() + " names no missing field");
                assertTrue(!x.explanation().vi().contains("{") && !x.explanation().en().contains("{"), name + " " + x.ruleId() + " left a placeholder");
                // No empty fill-ins: an optional part's marks never show, nor does a list that is empty.
                for (String t : List.of(x.title().vi(), x.title().en(), x.explanation().vi(), x.explanation().en())) {
                    assertTrue(!t.contains("[[") && !t.contains("]]"), name + " " + x.ruleId() + " left an optional part's marks: " + t);
                    assertTrue(!t.contains(": không có") && !t.contains("(không)") && !t.contains("features: none")
                            && !t.contains("hạng mục không có"), name + " " + x.ruleId() + " says an empty value: " + t);
                }
            });
            assertEquals(a.verdict(), AssessmentService.verdict(a.findings()), name + " verdict follows from the findings");
            Assessment again = Engine.SERVICE.assess(Engine.READER.read(Files.readAllBytes(f)));
            assertEquals(a.findings(), again.findings(), name + ": assessing twice gives the same findings (sessions are reused)");
            assertEquals(a.checklist(), again.checklist(), name + ": and the same checklist");
            assertEquals(a.pathToCompliance(), again.pathToCompliance(), name + ": and the same path");
        }
        assertEquals(EnumSet.allOf(Verdict.class), reached, "every verdict is reached by a sample");
    }

    private static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
