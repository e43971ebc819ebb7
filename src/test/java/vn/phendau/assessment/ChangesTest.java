package vn.phendau.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.phendau.Engine;
import vn.phendau.common.Json;
import vn.phendau.proposal.ProjectProposal;
import vn.phendau.rules.RuleMeta;

/**
 * {@link Changes#changes} says whether a remedy's change changes the proposal without rebuilding it whole: it must
 * say what rebuilding the whole proposal and comparing it says, for every path the rules' fixes name, on every
 * sample and on samples with the records those paths go through left out.
 */
class ChangesTest {

    private static final JsonNodeFactory J = JsonNodeFactory.instance;

    @Test
    void whetherAChangeChangesIsWhatRebuildingTheWholeProposalSays() throws IOException {
        Set<String> paths = new LinkedHashSet<>();
        List<JsonNode> literals = new ArrayList<>();
        for (RuleMeta rule : Engine.RULES.rules()) {
            for (RuleMeta.Fix fix : rule.fixes()) {
                paths.add(fix.path());
                if (fix.literal() != null) {
                    literals.add(fix.literal());
                }
            }
        }
        List<ProjectProposal> proposals = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                ProjectProposal p = Engine.READER.read(Files.readAllBytes(f));
                proposals.add(p);
                // The records a change goes through, absent: the change makes them.
                proposals.add(new ProjectProposal(p.id(), p.name(), p.description(), p.submittedBy(), p.assessmentDate(),
                        p.location(), p.sector(), p.features(), p.investment() == null ? null
                        : new ProjectProposal.Investment(p.investment().totalVnd(), p.investment().projectGroup(), null,
                                p.investment().foreignInvestor(), p.investment().investorCountry()),
                        null, null, null, p.linkages(), null, p.beneficiaries(), null));
            }
        }
        int changing = 0;
        int notChanging = 0;
        for (ProjectProposal p : proposals) {
            JsonNode tree = Json.MAPPER.valueToTree(p);
            for (String path : paths) {
                List<JsonNode> values = new ArrayList<>(literals);
                values.addAll(List.of(J.booleanNode(true), J.booleanNode(false), J.numberNode(0), J.numberNode(2030),
                        J.textNode("AGREED"), J.nullNode()));
                if (!path.contains("[")) {
                    values.add(tree.at("/" + path.replace('.', '/')));  // the value it has: no change, unless absent
                } else if (path.endsWith("[-]")) {
                    values.add(Json.MAPPER.valueToTree(new ProjectProposal.FundingSource(null, 1L, true)));
                }
                for (JsonNode value : values) {
                    Finding.Change c = new Finding.Change(path, value.isMissingNode() ? J.nullNode() : value);
                    boolean rebuilt;
                    try {
                        rebuilt = !Changes.apply(p, List.of(c)).equals(p);
                    } catch (IllegalArgumentException e) {
                        continue;  // a value that does not fit the field: not a change any rule makes
                    }
                    assertEquals(rebuilt, Changes.changes(p, c), p.id() + ": " + path + " = " + value);
                    if (rebuilt) {
                        changing++;
                    } else {
                        notChanging++;
                    }
                }
            }
        }
        assertTrue(changing > 100 && notChanging > 100, changing + " changes that change, " + notChanging + " that do not");
    }
}
