package vn.phendau.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;
import org.jboss.logging.Logger;
import vn.phendau.proposal.ProposalReader;
import vn.phendau.rules.RuleBase;
import vn.phendau.web.Samples;

/**
 * Once the rules are loaded, assesses the shipped sample proposals and writes their answers to nowhere, so that the
 * first requests do not pay alone for what only a first use costs: Drools turns each constraint into bytecode after
 * a few evaluations, and the classes of reading, assessing and writing are loaded and first compiled. It runs on
 * threads of its own ({@code phendau.warm-up.threads}, two by default) as soon as the rules are loaded, and
 * readiness waits for it: a service that reports ready serves at its usual speed, instead of timing out its first
 * requests (see BENCHMARKS.md for what it costs). The answers are thrown away, and nothing an assessment reads is
 * changed by it: sessions are reset after each use, caches only memoise. Check mode and the tests do without it
 * ({@code phendau.warm-up=false}).
 *
 * <p>It is a start-up check ({@code /q/health/started}, what Kubernetes' startupProbe should ask) and a readiness
 * check too: a start-up probe holds the other probes back until the service is warm, and where there is none (a
 * plain {@code docker run}, the benchmarks) readiness alone says when to send work.
 */
@Startup
@Readiness
@ApplicationScoped
public class WarmUp implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(WarmUp.class);

    private final RuleBase rules;
    private final AssessmentService service;
    private final ProposalReader reader;
    private final Samples samples;
    private final ObjectMapper mapper;
    private final boolean enabled;
    private final int threads;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    public WarmUp(RuleBase rules, AssessmentService service, ProposalReader reader, Samples samples, ObjectMapper mapper,
                  @ConfigProperty(name = "phendau.warm-up", defaultValue = "true") boolean enabled,
                  @ConfigProperty(name = "phendau.warm-up.threads", defaultValue = "2") int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("phendau.warm-up.threads must be at least 1, not " + threads);
        }
        this.threads = threads;
        this.rules = rules;
        this.service = service;
        this.reader = reader;
        this.samples = samples;
        this.mapper = mapper;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            done.complete(null);
            return;
        }
        // The samples are shared among threads: most of a first assessment is loading and compiling what it uses
        // for the first time (classes, Drools' constraints), and the JIT's threads and ours can then use both cores
        // of a small machine instead of one (BENCHMARKS.md: a quarter less time warming up with two threads).
        rules.whenLoaded().thenRun(() -> {
            long start = System.nanoTime();
            List<CompletableFuture<Boolean>> parts = IntStream.range(0, threads)
                    .mapToObj(part -> CompletableFuture.supplyAsync(() -> run(part, threads), task -> {
                        Thread t = new Thread(task, "warm-up-" + (part + 1));
                        t.setDaemon(true);
                        t.start();
                    }))
                    .toList();
            CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).whenComplete((all, failure) -> {
                if (failure == null && parts.stream().allMatch(CompletableFuture::join)) {
                    LOG.infof("warmed up over %d sample proposals in %d ms (%d threads)", samples.all().size(),
                            (System.nanoTime() - start) / 1_000_000, threads);
                }
                done.complete(null);
            });
        });
    }

    /** Whether the service is stopping, or failed to start: its beans are going or gone. */
    private static boolean stopping() {
        ArcContainer container = Arc.container();
        return container == null || !container.isRunning();
    }

    /** Completes when the warm-up is over (at once where there is none), whether or not it went to its end. */
    public CompletionStage<Void> whenDone() {
        return done.minimalCompletionStage();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("warm-up").status(done.isDone()).build();
    }

    /** Assesses every {@code parts}-th sample from the {@code part}-th; false if it stopped before the last. */
    boolean run(int part, int parts) {
        try {
            List<Samples.Sample> all = samples.all();
            for (int i = part; i < all.size(); i += parts) {
                Samples.Sample sample = all.get(i);
                if (stopping()) {
                    return false;
                }
                JsonNode tree = reader.readTree(sample.json().getBytes(StandardCharsets.UTF_8));
                mapper.writeValue(OutputStream.nullOutputStream(), service.assess(reader.convert(tree), tree));
            }
            return true;
        } catch (IOException | RuntimeException e) {
            // A service that failed to start (its port in use) stops under the warm-up's feet: that failure is the
            // one to tell, not the warm-up's. Otherwise a sample that cannot be assessed is a defect the tests
            // catch; the service still serves.
            if (stopping()) {
                LOG.debug("the warm-up stopped with the service", e);
            } else {
                LOG.warn("the warm-up stopped early", e);
            }
            return false;
        }
    }
}
