package vn.phendau.batch;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import vn.phendau.proposal.Sector;
import vn.phendau.reference.ParameterTable;
import vn.phendau.reference.Parameters;
import vn.phendau.reference.ProjectGroups;
import vn.phendau.rules.CommuneSites;
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
     * One item's answer: the problems that make it invalid, or its assessment and what it adds to the list's
     * portfolio (null when it is out of scope).
     */
    private record Outcome(int index, String id, List<Problem> problems, Assessment assessment, Part portfolio,
                           JsonNode proposal) {
    }

    /**
     * What the portfolio rules need of one assessed project: itself if it is of group C, and the communes (folded,
     * and as the project spells them) where it runs in known years.
     */
    private record Part(String province, Sector sector, PortfolioProject groupC, int startYear, int endYear,
                        List<String> communes, List<String> communeNames) {
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
        sink.finish(summary, portfolioFindings(tally.portfolioFacts(), tally.latest));
        return summary;
    }

    /** A province and sector of a list. */
    private record Key(String province, Sector sector) {
    }

    /**
     * The counts and the portfolio, gathered in input order as the answers are written. The portfolio is kept
     * grouped, as the rules take it, with only the few values they read of each project: on a list of 100,000
     * projects it is some 15 MB, and the rules get a fact per group and per shared commune, not per project and commune.
     */
    private final class Tally {
        final Map<String, Integer> byVerdict = new LinkedHashMap<>();
        final Map<Key, PortfolioGroup> groups = new LinkedHashMap<>();
        /**
         * Per province and sector, each commune (folded) and the projects at it: a one-element immutable list, then
         * a growing list once a second project comes (most communes of a long list have one project).
         */
        final Map<Key, Map<String, List<ProjectSite>>> sites = new LinkedHashMap<>();
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
            sink.result(o.index(), o.proposal(), a);
            byVerdict.merge(a.verdict().name(), 1, Integer::sum);
            Part part = o.portfolio();
            if (part == null) {
                return;
            }
            latest = latest == null || a.assessmentDate().isAfter(latest) ? a.assessmentDate() : latest;
            Key key = new Key(part.province(), part.sector());
            if (part.groupC() != null) {
                groups.computeIfAbsent(key, k -> new PortfolioGroup(k.province(), k.sector(), new ArrayList<>()))
                        .groupC().add(part.groupC());
            }
            if (part.communes().isEmpty()) {
                return;
            }
            Map<String, List<ProjectSite>> communes = sites.computeIfAbsent(key, k -> new LinkedHashMap<>());
            for (int i = 0; i < part.communes().size(); i++) {
                ProjectSite site = new ProjectSite(o.index(), a.projectId(), part.communeNames().get(i), i, part.startYear(),
                        part.endYear());
                communes.merge(part.communes().get(i), List.of(site), (was, added) -> {
                    List<ProjectSite> at = was.size() == 1 ? new ArrayList<>(was) : was;
                    at.addAll(added);
                    return at;
                });
            }
        }

        /** What the rules are given: every group, and the communes that two projects or more share (no other can overlap). */
        List<Object> portfolioFacts() {
            List<Object> facts = new ArrayList<>(groups.values());
            sites.forEach((key, communes) -> communes.forEach((commune, at) -> {
                if (at.size() > 1) {
                    facts.add(new CommuneSites(key.province(), key.sector(), commune, at));
                }
            }));
            return facts;
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
            return new Outcome(item.index(), id, problems, null, null, null);
        }
        ProjectProposal proposal = reader.convert(item.node());
        Assessment a = assessments.assess(proposal, item.node(), detail);
        return new Outcome(item.index(), id, List.of(), a,
                a.verdict() == Verdict.OUT_OF_SCOPE ? null : portfolioPart(item.index(), proposal, a), item.node());
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

    /** What the portfolio rules see of one assessed project: the project if of group C, its communes with known years. */
    private Part portfolioPart(int index, ProjectProposal p, Assessment a) {
        PortfolioProject groupC = null;
        if (ProjectGroup.valueOf(a.projectGroup().group()) == ProjectGroup.C) {
            long ceiling = groups.lawOn(a.assessmentDate()).orElseThrow().groupCCeilingVnd(groups.fieldClass(p.sector()));
            groupC = new PortfolioProject(index, p.id(), p.investment().totalVnd(), ceiling);
        }
        if (p.schedule() == null || p.schedule().startYear() == null || p.schedule().endYear() == null
                || p.location().communes() == null) {
            return new Part(a.province().name(), p.sector(), groupC, 0, 0, List.of(), List.of());
        }
        List<String> keys = new ArrayList<>(p.location().communes().size());
        List<String> names = new ArrayList<>(p.location().communes().size());
        for (var commune : p.location().communes()) {
            String key = VietnameseText.fold(commune.name());
            if (!keys.contains(key)) {
                keys.add(key);
                names.add(commune.name());
            }
        }
        return new Part(a.province().name(), p.sector(), groupC, p.schedule().startYear(), p.schedule().endYear(), keys, names);
    }

    private List<PortfolioFinding> portfolioFindings(List<Object> portfolio, LocalDate latest) {
        if (latest == null) {
            return List.of();
        }
        Parameters params = parameters.on(latest);
        portfolio.add(params);
        Map<String, PortfolioHit> unique = new LinkedHashMap<>();
        for (PortfolioHit hit : ruleBase.fire(PortfolioHit.class, portfolio)) {
            // Two projects sharing two communes meet twice: one finding names them once, whatever order the rules fired in.
            unique.merge(hit.ruleId() + hit.projectIds(), hit, (was, other) -> other.rank() < was.rank() ? other : was);
        }
        Map<String, Object> shared = parameters.namedOn(latest);
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
