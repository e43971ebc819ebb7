import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.config.WithDefault;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.phendau.assessment.AssessmentService;
import vn.phendau.assessment.Explainer;
import vn.phendau.assessment.FactBuilder;
import vn.phendau.http.Limits;
import vn.phendau.legal.LegalText;
import vn.phendau.proposal.ProjectProposal;
import vn.phendau.proposal.ProposalReader;
import vn.phendau.reference.ParameterTable;
import vn.phendau.reference.ProjectGroups;
import vn.phendau.reference.Provinces;
import vn.phendau.rules.BorderProvince;
import vn.phendau.rules.RuleBase;

/**
 * bench/engine.sh's two figures by CPU time instead of wall time, for a machine shared with other work: one
 * assessment of each sample in turn, and one firing of the rules alone over the same sample's facts, measured in
 * alternating blocks in one JVM on one thread, so that both see the same machine. Per block, the CPU time of this
 * thread and of the whole process (the collector and the JIT included) per operation; the median of the blocks,
 * and the ratio of the two figures (issue 21's target: an assessment at most 2.5 times the rules alone).
 *
 * <pre>java -Dorg.jboss.logging.provider=jdk -Xmx512m -XX:+UseSerialGC \
 *   -cp "$APP/app/*:$(ls $APP/lib/boot/org.jboss.logging.jboss-logging-*.jar $APP/lib/main/*.jar | tr '\n' ':')" \
 *   bench/EngineCpu.java [warm-up s] [blocks]</pre>
 * (the service's classes now log through jboss-logging, which lives in lib/boot; without its log manager, as
 * bench/engine.sh has it)
 */
public class EngineCpu {

    public static void main(String[] args) throws Exception {
        int warmSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int blocks = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        LegalText legal = new LegalText();
        Provinces provinces = new Provinces();
        ProjectGroups groups = new ProjectGroups();
        ProposalReader reader = new ProposalReader(provinces, groups, defaultLimits());
        RuleBase rules = new RuleBase(legal);
        ParameterTable parameters = new ParameterTable();
        FactBuilder factBuilder = new FactBuilder();
        AssessmentService service = new AssessmentService(rules, provinces, groups, parameters, factBuilder, new Explainer(), legal);
        List<ProjectProposal> proposals = new ArrayList<>();
        List<JsonNode> trees = new ArrayList<>();
        List<Object[]> facts = new ArrayList<>();
        try (var files = Files.list(Path.of("samples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode tree = reader.readTree(Files.readAllBytes(f));
                ProjectProposal p = reader.convert(tree);
                trees.add(tree);
                proposals.add(p);
                facts.add(factsOf(p, provinces, groups, parameters, factBuilder));
            }
        }
        int n = proposals.size();
        Runnable assess = () -> {
            for (int i = 0; i < n; i++) {
                sink += service.assess(proposals.get(i), trees.get(i)).score();
            }
        };
        Runnable fire = () -> {
            for (int i = 0; i < n; i++) {
                sink += rules.fire(facts.get(i)).size();
            }
        };
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long warmEnd = threads.getCurrentThreadCpuTime() + warmSeconds * 1_000_000_000L;
        while (threads.getCurrentThreadCpuTime() < warmEnd) {
            assess.run();
            fire.run();
        }
        // Passes per block: about a second of CPU for the assessments.
        long t0 = threads.getCurrentThreadCpuTime();
        assess.run();
        int passes = (int) Math.max(3, 1_000_000_000L / Math.max(1, threads.getCurrentThreadCpuTime() - t0));
        double[][] perOp = new double[4][blocks];  // assess thread, assess process, rules thread, rules process
        for (int b = 0; b < blocks; b++) {
            for (int m = 0; m < 2; m++) {
                Runnable r = m == 0 ? assess : fire;
                System.gc();
                long thread = threads.getCurrentThreadCpuTime();
                long process = os.getProcessCpuTime();
                for (int k = 0; k < passes; k++) {
                    r.run();
                }
                perOp[2 * m][b] = (threads.getCurrentThreadCpuTime() - thread) / 1000.0 / passes / n;
                perOp[2 * m + 1][b] = (os.getProcessCpuTime() - process) / 1000.0 / passes / n;
            }
        }
        double[] ratios = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            ratios[b] = perOp[1][b] / perOp[3][b];
        }
        System.out.printf("%d samples, %d passes a block, %d blocks, load average %s%n", n, passes, blocks,
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        System.out.printf("one assessment: %.1f µs CPU of its thread, %.1f µs of the process (median of the blocks)%n",
                median(perOp[0]), median(perOp[1]));
        System.out.printf("the rules alone: %.1f µs CPU of its thread, %.1f µs of the process%n", median(perOp[2]), median(perOp[3]));
        System.out.printf("an assessment costs %.2f× one firing of the rules alone (process CPU; blocks %s)%n", median(ratios),
                Arrays.toString(Arrays.stream(ratios).map(x -> Math.round(x * 100) / 100.0).toArray()));
    }

    static volatile long sink;

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** The facts AssessmentService.evaluate inserts (as AssessmentBenchmark makes them). */
    private static Object[] factsOf(ProjectProposal p, Provinces provinces, ProjectGroups groups, ParameterTable parameters,
                                    FactBuilder factBuilder) {
        LocalDate day = p.assessmentDate() != null ? p.assessmentDate() : LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        Provinces.Match match = provinces.resolveOn(p.location().province(), day).orElseThrow();
        ProjectGroups.Law law = groups.lawOn(day).orElseThrow();
        BorderProvince province = new BorderProvince(provinces.nameOn(match, day), match.landBorder());
        if (!province.landBorder()) {
            return new Object[] {province};
        }
        return new Object[] {province, factBuilder.build(p, day, match, groups, law), parameters.on(day)};
    }

    /** The limits at their annotations' defaults (SmallRye's own mapping needs classes Quarkus leaves out). */
    private static Limits defaultLimits() {
        return (Limits) Proxy.newProxyInstance(Limits.class.getClassLoader(), new Class<?>[] {Limits.class}, (proxy, method, args) -> {
            String value = method.getAnnotation(WithDefault.class).value();
            return method.getReturnType() == long.class ? (Object) Long.parseLong(value) : (Object) Integer.parseInt(value);
        });
    }
}
