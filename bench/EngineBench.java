import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.phendau.assessment.AssessmentService;
import vn.phendau.assessment.Explainer;
import vn.phendau.assessment.FactBuilder;
import vn.phendau.legal.LegalText;
import vn.phendau.proposal.ProjectProposal;
import vn.phendau.proposal.ProposalReader;
import vn.phendau.reference.ParameterTable;
import vn.phendau.reference.ProjectGroups;
import vn.phendau.reference.Provinces;
import vn.phendau.rules.RuleBase;

/** One full assessment in-process (facts, every rule, explanations), warm, over the samples; prints the median last. */
public class EngineBench {
    public static void main(String[] args) throws Exception {
        LegalText legal = new LegalText();
        Provinces provinces = new Provinces();
        ProjectGroups groups = new ProjectGroups();
        ProposalReader reader = new ProposalReader(provinces, groups);
        AssessmentService service = new AssessmentService(new RuleBase(legal), provinces, groups, new ParameterTable(),
                new FactBuilder(), new Explainer(), legal);
        List<ProjectProposal> proposals = new ArrayList<>();
        try (var files = Files.list(Path.of("samples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                proposals.add(reader.read(Files.readAllBytes(f)));
            }
        }
        int warmup = Integer.getInteger("warmup", 30000);
        int n = Integer.getInteger("n", 50000);
        for (int i = 0; i < warmup; i++) {
            service.assess(proposals.get(i % proposals.size()));
        }
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            service.assess(proposals.get(i % proposals.size()));
            t[i] = System.nanoTime() - s;
        }
        Arrays.sort(t);
        System.out.printf("%d proposals, %d warm-up, %d measured; p90 %.1f µs, p99 %.1f µs%n",
                proposals.size(), warmup, n, t[n * 9 / 10] / 1e3, t[n * 99 / 100] / 1e3);
        System.out.printf("one assessment, median: %.1f µs%n", t[n / 2] / 1e3);
    }
}
