package vn.phendau.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vn.phendau.assessment.Assessment;
import vn.phendau.assessment.AssessmentService;
import vn.phendau.assessment.Explainer;
import vn.phendau.assessment.FactBuilder;
import vn.phendau.assessment.Finding;
import vn.phendau.legal.LegalText;
import vn.phendau.proposal.ProjectProposal;
import io.smallrye.config.WithDefault;
import java.lang.reflect.Proxy;
import vn.phendau.http.Limits;
import vn.phendau.proposal.ProposalReader;
import vn.phendau.reference.ParameterTable;
import vn.phendau.reference.ProjectGroups;
import vn.phendau.reference.Provinces;
import vn.phendau.rules.BorderProvince;
import vn.phendau.rules.Project;
import vn.phendau.rules.RuleBase;

/**
 * One full assessment in-process, as the API makes it: every rule fired, every finding explained in both
 * languages with its evidence and citations, and the path to compliance. Over the 24 samples in turn. The
 * service is put together by hand, as its CDI constructors would; Quarkus is not started. SampleTime gives
 * the mean and the distribution (median, p90, p99) of single assessments. Beside it, the same assessment with
 * its answer written ({@link #answer()}), and the rules alone ({@link #rules()}): what the assessment adds to a
 * request, and what of it is Drools'.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Long warm-up: the JIT has Drools, Jackson and the service to compile, and on a shared 2-core machine its
// threads get little time; shorter warm-ups measured the interpreter.
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xmx512m", "-XX:+UseSerialGC", "-Dorg.jboss.logging.provider=jdk"})
public class AssessmentBenchmark {

    private AssessmentService service;
    private RuleBase rules;
    /** Per sample, the facts an assessment inserts before it fires the rules (for {@link #rules()}). */
    private final List<Object[]> facts = new ArrayList<>();
    private final List<ProjectProposal> proposals = new ArrayList<>();
    private final List<JsonNode> trees = new ArrayList<>();
    private int next;

    @Setup
    public void setUp() throws IOException {
        LegalText legal = new LegalText();
        Provinces provinces = new Provinces();
        ProjectGroups groups = new ProjectGroups();
        Limits limits = defaultLimits();
        ProposalReader reader = new ProposalReader(provinces, groups, limits);
        rules = new RuleBase(legal);
        ParameterTable parameters = new ParameterTable();
        FactBuilder factBuilder = new FactBuilder();
        service = new AssessmentService(rules, provinces, groups, parameters, factBuilder, new Explainer(), legal);
        Path samples = Path.of(System.getProperty("samples", "samples"));
        try (var files = Files.list(samples)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode tree = reader.readTree(Files.readAllBytes(f));
                trees.add(tree);
                ProjectProposal p = reader.convert(tree);
                proposals.add(p);
                facts.add(factsOf(p, provinces, groups, parameters, factBuilder));
                // The facts must be those an assessment fires the rules over: the same rules fire on both.
                Set<String> alone = Set.copyOf(rules.fire(facts.get(facts.size() - 1)));
                Set<String> assessed = service.assess(p).findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
                if (!alone.equals(assessed)) {
                    throw new IllegalStateException(f + ": the rules alone fire " + alone + ", the assessment " + assessed);
                }
            }
        }
        if (proposals.isEmpty()) {
            throw new IllegalStateException("no samples in " + samples.toAbsolutePath());
        }
    }

    @Benchmark
    public Assessment assess() {
        int i = next;
        next = i + 1 == proposals.size() ? 0 : i + 1;
        return service.assess(proposals.get(i), trees.get(i));
    }

    /**
     * The rules alone: one firing of every rule over the facts of a sample, as the assessment's first evaluation
     * does it (a clean session from the pool, the facts inserted, every rule fired, the hits read, the session
     * reset). No fact built, no finding said, no path to compliance: what Drools costs at the least per assessment.
     */
    @Benchmark
    public List<String> rules() {
        int i = next;
        next = i + 1 == facts.size() ? 0 : i + 1;
        return rules.fire(facts.get(i));
    }

    /**
     * The facts as AssessmentService.evaluate inserts them. A province without a land border is out of scope and
     * nothing else is decided (CRITERIA.md, verdict 1), so it is the only fact then.
     */
    private static Object[] factsOf(ProjectProposal p, Provinces provinces, ProjectGroups groups, ParameterTable parameters,
                                    FactBuilder factBuilder) {
        LocalDate day = p.assessmentDate() != null ? p.assessmentDate() : LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        Provinces.Match match = provinces.resolveOn(p.location().province(), day).orElseThrow();
        ProjectGroups.Law law = groups.lawOn(day).orElseThrow();
        BorderProvince province = new BorderProvince(provinces.nameOn(match, day), match.landBorder());
        if (!province.landBorder()) {
            return new Object[] {province};
        }
        Project fact = factBuilder.build(p, day, match, groups, law);
        return new Object[] {province, fact, parameters.on(day)};
    }

    /** The answer's JSON as the HTTP layer writes it: Quarkus's mapper, by default, writes every field, nulls too. */
    private final com.fasterxml.jackson.databind.ObjectWriter writer = vn.phendau.common.Json.MAPPER.copy()
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS).writer();
    private final java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream(1 << 17);

    /** One assessment and its answer written as JSON (about 50 KB): what an assessment request adds to the floor. */
    @Benchmark
    public int answer() throws IOException {
        sink.reset();
        writer.writeValue(sink, assess());
        return sink.size();
    }

    /**
     * The limits at the defaults their annotations give, as the service has them when nothing is configured. Built
     * by hand: SmallRye's own mapping generates classes with ASM, which Quarkus leaves out of the packaged app.
     */
    private static Limits defaultLimits() {
        return (Limits) Proxy.newProxyInstance(Limits.class.getClassLoader(), new Class<?>[] {Limits.class}, (proxy, method, args) -> {
            String value = method.getAnnotation(WithDefault.class).value();
            return method.getReturnType() == long.class ? (Object) Long.parseLong(value) : (Object) Integer.parseInt(value);
        });
    }
}
