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
 * What an assessment request adds to the validate floor, step by step, by CPU time of one thread: reading and
 * converting a sample's body, assessing it, firing the rules alone, and writing its answer as JSON, each in blocks of
 * half a second after a warm-up; medians of the blocks. Prints one line a step.
 *
 * <pre>APP=target/quarkus-app
 * java -Dorg.jboss.logging.provider=jdk -Xmx512m -XX:+UseSerialGC \
 *   -cp "$APP/app/*:$(ls $APP/lib/boot/org.jboss.logging.jboss-logging-*.jar $APP/lib/main/*.jar | tr '\n' ':')" \
 *   bench/SplitCpu.java [warm-up s] [blocks]</pre>
 * (jboss-logging without its log manager, as bench/engine.sh has it: with the log manager, Drools' trace messages
 * would be what is measured.) Not a test; not in CI.
 */
public class SplitCpu {

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
        List<byte[]> bodies = new ArrayList<>();
        try (var files = Files.list(Path.of("samples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) bodies.add(Files.readAllBytes(f));
        }
        List<vn.phendau.assessment.Assessment> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) answers.add(service.assess(proposals.get(i), trees.get(i)));
        var writer = vn.phendau.common.Json.MAPPER.writer();
        Runnable[] rs = {
            () -> { for (int i = 0; i < n; i++) { try { JsonNode t = reader.readTree(bodies.get(i)); sink += reader.convert(t).hashCode(); } catch (Exception e) { throw new RuntimeException(e);} } },
            () -> { for (int i = 0; i < n; i++) sink += service.assess(proposals.get(i), trees.get(i)).score(); },
            () -> { for (int i = 0; i < n; i++) sink += rules.fire(facts.get(i)).size(); },
            () -> { for (int i = 0; i < n; i++) { try { sink += writer.writeValueAsBytes(answers.get(i)).length; } catch (Exception e) { throw new RuntimeException(e);} } },
        };
        String[] names = {"read+convert", "assess", "rules alone", "write answer"};
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long warmEnd = threads.getCurrentThreadCpuTime() + warmSeconds * 1_000_000_000L;
        while (threads.getCurrentThreadCpuTime() < warmEnd) for (Runnable r : rs) r.run();
        double[][] perOp = new double[rs.length][blocks];
        for (int b = 0; b < blocks; b++) for (int m = 0; m < rs.length; m++) {
            long t0 = threads.getCurrentThreadCpuTime(); int passes = 0;
            while (threads.getCurrentThreadCpuTime() - t0 < 500_000_000L) { rs[m].run(); passes++; }
            perOp[m][b] = (threads.getCurrentThreadCpuTime() - t0) / 1000.0 / passes / n;
        }
        for (int m = 0; m < rs.length; m++) System.out.printf("%-14s %7.1f µs (blocks %s)%n", names[m], median(perOp[m]), Arrays.toString(Arrays.stream(perOp[m]).map(x -> Math.round(x)).toArray()));
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
