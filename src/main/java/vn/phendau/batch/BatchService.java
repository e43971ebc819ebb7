package vn.phendau.batch;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import vn.phendau.assessment.Assessment;
import vn.phendau.assessment.AssessmentService;
import vn.phendau.assessment.Detail;
import vn.phendau.assessment.Explainer;
import vn.phendau.assessment.Verdict;
import vn.phendau.common.VietnameseText;
import vn.phendau.legal.Citation;
import vn.phendau.legal.LegalText;
import vn.phendau.problem.Problem;
import vn.phendau.proposal.ProjectGroup;
import vn.phendau.proposal.ProjectProposal;
import vn.phendau.proposal.ProposalReader;
import vn.phendau.reference.ParameterTable;
import vn.phendau.reference.Parameters;
import vn.phendau.reference.ProjectGroups;
import vn.phendau.rules.PortfolioGroup;
import vn.phendau.rules.PortfolioHit;
import vn.phendau.rules.PortfolioProject;
import vn.phendau.rules.ProjectSite;
import vn.phendau.rules.RuleBase;
import vn.phendau.rules.RuleMeta;

/**
 * Assesses a list, whatever its format: each item read, checked exactly as a single proposal is, and assessed by
 * the same service, its answer written at once; then the portfolio rules (DISC-3) over all assessed projects.
 * Every input item ends up exactly once in the results or in the errors.
 *
 * <p>Items are read, and their answers written, in input order on the caller's thread; checking and assessing
 * them, which is most of the work, runs on a few threads side by side ({@code phendau.batch.threads}), with a
 * bounded number of items under way, so memory still holds a handful of items, not the list.
 */
@ApplicationScoped
public class BatchService {

    /** Items under way per thread: enough to keep the threads busy, few enough to keep memory flat. */
    private static final int IN_FLIGHT_PER_THREAD = 8;

    private final ProposalReader reader;
    private final AssessmentService assessments;
    private final RuleBase ruleBase;
    private final ProjectGroups groups;
    private final ParameterTable parameters;
    private final Explainer explainer;
    private final LegalText legal;
    private final int threads;
    private volatile ExecutorService pool;

    @Inject
    public BatchService(ProposalReader reader, AssessmentService assessments, RuleBase ruleBase, ProjectGroups groups,
                        ParameterTable parameters, Explainer explainer, LegalText legal, BatchConfig config) {
        this.reader = reader;
        this.assessments = assessments;
        this.ruleBase = ruleBase;
        this.groups = groups;
        this.parameters = parameters;
        this.explainer = explainer;
        this.legal = legal;
        this.threads = config.effectiveThreads();
    }

    /**
     * One item's answer: the problems that make it invalid, or its assessment and the facts it adds to the list's
     * portfolio (none when it is out of scope).
     */
    private record Outcome(int index, String id, List<Problem> problems, Assessment assessment, List<Object> portfolio) {
    }

    public BatchSummary run(ItemReader items, BatchSink sink) throws IOException {
        Tally tally = new Tally();
        Map<String, Integer> firstUse = new HashMap<>();
        Detail detail = sink.detail();
        if (threads <= 1) {
            while (items.hasNext()) {
                BatchItem item = items.next();
                tally.write(sink, outcome(item, duplicate(item, firstUse), detail));
            }
        } else {
            ExecutorService workers = pool();
            Deque<Future<Outcome>> inFlight = new ArrayDeque<>();
            try {
                while (items.hasNext()) {
                    BatchItem item = items.next();
                    Problem duplicate = duplicate(item, firstUse);  // decided here, in input order
                    inFlight.add(workers.submit(() -> outcome(item, duplicate, detail)));
                    if (inFlight.size() >= threads * IN_FLIGHT_PER_THREAD) {
                        tally.write(sink, await(inFlight.poll()));
                    }
                }
                while (!inFlight.isEmpty()) {
                    tally.write(sink, await(inFlight.poll()));
                }
            } finally {
                inFlight.forEach(f -> f.cancel(true));  // a list that failed half-way leaves no work behind
            }
        }
        BatchSummary summary = new BatchSummary(tally.total, tally.total - tally.invalid, tally.invalid, tally.byVerdict);
        sink.finish(summary, portfolioFindings(tally.portfolio, tally.groups, tally.latest));
        return summary;
    }

    /** The counts and the portfolio, gathered in input order as the answers are written. */
    private final class Tally {
        final Map<String, Integer> byVerdict = new LinkedHashMap<>();
        final List<Object> portfolio = new ArrayList<>();
        final Set<PortfolioGroup> groups = new LinkedHashSet<>();
        LocalDate latest;
        int total;
        int invalid;

        Tally() {
            for (Verdict v : Verdict.values()) {
                byVerdict.put(v.name(), 0);
            }
        }

        void write(BatchSink sink, Outcome o) throws IOException {
            total++;
            if (o.assessment() == null) {
                invalid++;
                sink.error(o.index(), o.id(), o.problems());
                return;
            }
            Assessment a = o.assessment();
            sink.result(o.index(), a);
            byVerdict.merge(a.verdict().name(), 1, Integer::sum);
            if (!o.portfolio().isEmpty()) {
                for (Object fact : o.portfolio()) {
                    if (fact instanceof PortfolioProject project) {
                        groups.add(new PortfolioGroup(project.province(), project.sector()));
                    }
                    portfolio.add(fact);
                }
                latest = latest == null || a.assessmentDate().isAfter(latest) ? a.assessmentDate() : latest;
            }
        }
    }

    /** The problem of an id an earlier item already used; null for the first use (or no id). */
    private static Problem duplicate(BatchItem item, Map<String, Integer> firstUse) {
        String id = idOf(item.node());
        Integer earlier = id == null ? null : firstUse.putIfAbsent(id, item.index());
        return earlier == null ? null : Problem.at("id", "mã dự án '" + id + "' trùng với mục " + earlier + " của danh sách",
                "duplicate id '" + id + "': item " + earlier + " of the list already uses it");
    }

    /** Checks and assesses one item: the part of the work that runs side by side. */
    private Outcome outcome(BatchItem item, Problem duplicate, Detail detail) {
        String id = idOf(item.node());
        List<Problem> problems = problems(item);
        if (duplicate != null) {
            problems.add(duplicate);
        }
        if (!problems.isEmpty()) {
            return new Outcome(item.index(), id, problems, null, List.of());
        }
        ProjectProposal proposal = reader.convert(item.node());
        Assessment a = assessments.assess(proposal, item.node(), detail);
        return new Outcome(item.index(), id, List.of(), a,
                a.verdict() == Verdict.OUT_OF_SCOPE ? List.of() : portfolioFacts(item.index(), proposal, a));
    }

    private static Outcome await(Future<Outcome> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while assessing a list");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The worker threads, made at the first list that needs them and shared by every list after it. */
    private ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (this) {
                if (pool == null) {
                    ClassLoader loader = BatchService.class.getClassLoader();
                    AtomicInteger n = new AtomicInteger();
                    pool = Executors.newFixedThreadPool(threads, r -> {
                        Thread t = new Thread(r, "phendau-batch-" + n.incrementAndGet());
                        t.setDaemon(true);
                        t.setContextClassLoader(loader);  // Drools loads classes through it
                        return t;
                    });
                }
                p = pool;
            }
        }
        return p;
    }

    @PreDestroy
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** The reading problems of the item, and the problems a single request would get, each path once. */
    private List<Problem> problems(BatchItem item) {
        List<Problem> problems = new ArrayList<>(item.problems());
        if (item.node() != null) {
            for (Problem p : reader.check(item.node(), "")) {
                if (problems.stream().noneMatch(q -> q.path().equals(p.path()))) {
                    problems.add(p);
                }
            }
        }
        return problems;
    }

    private static String idOf(JsonNode node) {
        return node != null && node.path("id").isTextual() ? node.get("id").asText() : null;
    }

    /** What the portfolio rules see of one assessed project: the project, and each of its communes with known years. */
    private List<Object> portfolioFacts(int index, ProjectProposal p, Assessment a) {
        List<Object> portfolio = new ArrayList<>(4);
        String province = a.province().name();
        long ceiling = groups.lawOn(a.assessmentDate()).orElseThrow().groupCCeilingVnd(groups.fieldClass(p.sector()));
        portfolio.add(new PortfolioProject(index, p.id(), province, p.sector(), ProjectGroup.valueOf(a.projectGroup().group()),
                p.investment().totalVnd(), ceiling));
        if (p.schedule() == null || p.schedule().startYear() == null || p.schedule().endYear() == null
                || p.location().communes() == null) {
            return portfolio;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (var commune : p.location().communes()) {
            String key = VietnameseText.fold(commune.name());
            if (seen.add(key)) {
                portfolio.add(new ProjectSite(index, p.id(), province, p.sector(), key, commune.name(),
                        p.schedule().startYear(), p.schedule().endYear()));
            }
        }
        return portfolio;
    }

    private List<PortfolioFinding> portfolioFindings(List<Object> portfolio, Set<PortfolioGroup> keys, LocalDate latest) {
        if (portfolio.isEmpty()) {
            return List.of();
        }
        Parameters params = parameters.on(latest);
        portfolio.addAll(keys);
        portfolio.add(params);
        Map<String, PortfolioHit> unique = new LinkedHashMap<>();
        for (PortfolioHit hit : ruleBase.fire(PortfolioHit.class, portfolio)) {
            // Two projects sharing two communes meet twice: one finding names them once.
            unique.putIfAbsent(hit.ruleId() + hit.projectIds(), hit);
        }
        Map<String, Object> shared = new HashMap<>();
        for (RecordComponent c : Parameters.class.getRecordComponents()) {
            try {
                shared.put(c.getName(), c.getAccessor().invoke(params));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return unique.values().stream().map(hit -> {
            RuleMeta rule = ruleBase.rule(hit.ruleId()).orElseThrow();
            Map<String, Object> values = new HashMap<>(shared);
            values.putAll(hit.values());
            values.put("projects", String.join(", ", hit.projectIds()));
            List<Citation> citations = new ArrayList<>();
            rule.cites().forEach(id -> citations.add(legal.cite(id)));
            return new PortfolioFinding(rule.id(), rule.criterion(), rule.severity(), hit.projectIds(),
                    explainer.render(rule.title(), values::get), explainer.render(rule.explanation(), values::get),
                    rule.remedy() == null ? null : explainer.render(rule.remedy(), values::get), citations);
        }).sorted(Comparator.comparing(PortfolioFinding::severity).thenComparing(f -> f.projectIds().get(0))
                // Ties (one project in two findings) in a fixed order, not the order the rules happened to fire in.
                .thenComparing(f -> String.join(" ", f.projectIds())).thenComparing(PortfolioFinding::ruleId)).toList();
    }
}
