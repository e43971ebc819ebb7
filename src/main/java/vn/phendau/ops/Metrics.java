package vn.phendau.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.phendau.assessment.Assessment;
import vn.phendau.assessment.Finding;
import vn.phendau.assessment.Verdict;

/**
 * The service's own metrics, served with the JVM's and the HTTP layer's at {@code /q/metrics} (Prometheus). Every
 * name starts with {@code phendau_}. The counters are looked up once and kept, so that counting an assessment's
 * twenty-odd findings costs a few additions, not a registry lookup each.
 */
@ApplicationScoped
public class Metrics {

    /** Where an assessment came from: the single-proposal API, a list (API, page or command line), the page form. */
    public enum Entry {
        API, LIST, PAGE;

        final String tag = name().toLowerCase(java.util.Locale.ROOT);
    }

    private final MeterRegistry registry;
    private final Map<Entry, Map<Verdict, Counter>> assessments = new EnumMap<>(Entry.class);
    private final Map<String, Counter> firings = new ConcurrentHashMap<>();
    private final Map<String, Counter> problems = new ConcurrentHashMap<>();
    private final DistributionSummary listItems;
    private final Counter replayed;
    private final Counter replayFailed;

    /**
     * The application's registry; none when the service is built with {@code quarkus.micrometer.enabled=false}
     * (bench/http.sh's METRICS=off, to measure what metrics cost): then the meters are registered nowhere, and
     * counting is a no-op.
     */
    @jakarta.inject.Inject
    public Metrics(jakarta.enterprise.inject.Instance<MeterRegistry> registries) {
        this(registries.isResolvable() ? registries.get() : new io.micrometer.core.instrument.composite.CompositeMeterRegistry());
    }

    public Metrics(MeterRegistry registry) {
        this.registry = registry;
        for (Entry e : Entry.values()) {
            Map<Verdict, Counter> byVerdict = new EnumMap<>(Verdict.class);
            for (Verdict v : Verdict.values()) {
                byVerdict.put(v, Counter.builder("phendau.assessments").description("Assessments made, by verdict and entry point")
                        .tag("entry", e.tag).tag("verdict", v.name()).register(registry));
            }
            assessments.put(e, byVerdict);
        }
        listItems = DistributionSummary.builder("phendau.list.items").description("Items in each list assessed")
                .baseUnit("items").publishPercentileHistogram().minimumExpectedValue(1.0).maximumExpectedValue(1_000_000.0)
                .register(registry);
        // A replay's progress: how many of its dossiers are re-assessed (or could not be) on this instance, and how
        // many replays ended; the replay's own totals are at GET /api/v1/replays/{id}.
        replayed = replayCounter(registry, "replayed");
        replayFailed = replayCounter(registry, "failed");
    }

    private static Counter replayCounter(MeterRegistry registry, String outcome) {
        return Counter.builder("phendau.replay.dossiers").description("Dossiers re-assessed by a replay on this instance, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    /** A replay's chunk, committed: dossiers re-assessed and stored, and dossiers whose proposal today's reader refuses. */
    public void replayed(int dossiers, int failed) {
        replayed.increment(dossiers);
        replayFailed.increment(failed);
    }

    /** A replay that ended on this instance, DONE or FAILED. */
    public void replayEnded(String status) {
        Counter.builder("phendau.replays").description("Replays ended, by status").tag("status", status)
                .register(registry).increment();
    }

    /** One assessment made for a client: its verdict, and each rule that fired for it. */
    public Assessment assessed(Entry entry, Assessment a) {
        assessments.get(entry).get(a.verdict()).increment();
        for (Finding f : a.findings()) {
            firings.computeIfAbsent(f.ruleId(), id -> Counter.builder("phendau.rule.firings")
                    .description("Findings made, by rule").tag("rule", id).register(registry)).increment();
        }
        return a;
    }

    /** Metrics that go nowhere, for the parts wired by hand without the container (the command line's tests, benchmarks). */
    public static Metrics none() {
        return new Metrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    /** A list that was worked through, however it ended: how many items it held. */
    public void list(int items) {
        listItems.record(items);
    }

    /** A problem+json answer, by its type and status. */
    public void problem(String type, int status) {
        problems.computeIfAbsent(type + status, k -> Counter.builder("phendau.problems")
                .description("problem+json answers, by type").tag("type", type).tag("status", Integer.toString(status))
                .register(registry)).increment();
    }
}
