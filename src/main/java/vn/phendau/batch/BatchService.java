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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import vn.phendau.assessment.Assessment;
import vn.phendau.assessment.AssessmentService;
import vn.phendau.assessment.Detail;
import vn.phendau.assessment.Explainer;
import vn.phendau.assessment.Verdict;
import vn.phendau.common.VietnameseText;
import vn.phendau.legal.Citation;
import vn.phendau.legal.LegalText;
import vn.phendau.ops.Metrics;
import vn.phendau.ops.ServiceStopping;
import vn.phendau.common.Text;
import vn.phendau.problem.Problem;
import vn.phendau.problem.ProblemException;
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

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(BatchService.class);

    /** Items under way per thread: enough to keep the threads busy, few enough to keep memory flat. */
    private static final int IN_FLIGHT_PER_THREAD = 8;
    /** How long the pool may take at shutdown to finish the items it holds. */
    private static final java.time.Duration DRAIN = java.time.Duration.ofSeconds(5);

    /** The ids a portfolio finding's text names when it names fewer than it is about. */
    private static final Text MORE_PROJECTS = Text.of("{ids} và {more} dự án khác",
            "{ids} and {more} more");

    private final ProposalReader reader;
    private final AssessmentService assessments;
    private final RuleBase ruleBase;
    private final ProjectGroups groups;
    private final ParameterTable parameters;
    private final Explainer explainer;
    private final LegalText legal;
    private final int threads;
    private volatile ExecutorService pool;
    private volatile boolean stopping;
    /** Counted only in the container; the parts wired by hand (tests, benchmarks) count nowhere. */
    @Inject
    Metrics metrics = Metrics.none();

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
                           String name, String province, JsonNode proposal) {
    }

    /**
     * What the portfolio rules need of one assessed project: itself if it is of group C, and the communes (folded,
     * and as the project spells them) where it runs in known years.
     */
    private record Part(String province, Sector sector, PortfolioProject groupC, int startYear, int endYear,
                        List<String> communes, List<String> communeNames) {
    }

    /**
     * Assesses the list into the sink. If anything fails once the answer has begun, a streamed answer is ended with
     * the sink's mark of an incomplete answer and {@link IncompleteAnswer} is thrown, so that no answer is cut
     * short silently; a sink that streams nothing (the pages) gets the failure itself.
     */
    public BatchSummary run(ItemReader items, BatchSink sink) throws IOException {
        Tally tally = new Tally();
        try {
            return run(items, sink, tally);
        } catch (IOException | RuntimeException | Error e) {
            if (e instanceof IncompleteAnswer) {
                throw e;
            }
            Text reason = reasonStopped(e, tally.total);
            boolean marked;
            try {
                marked = sink.incomplete(reason, tally.total);
            } catch (IOException | RuntimeException markFailed) {
                e.addSuppressed(markFailed);  // the answer cannot even be ended: the output itself is gone
                throw e;
            }
            if (!marked) {
                throw e;
            }
            if (!(e instanceof ProblemException)) {
                LOG.error("a list failed after its answer began; the answer says it is incomplete", e);
            }
            throw new IncompleteAnswer(reason, tally.total, e);
        }
    }

    /** Why a list stopped, in the client's terms: the problem that stopped its reading, or an error of ours. */
    static Text reasonStopped(Throwable e, int items) {
        if (e instanceof ProblemException p && !p.problems().isEmpty()) {
            Problem first = p.problems().get(0);
            return Text.of("danh sách dừng sau " + items + " mục: " + first.path() + ": " + first.message().vi(),
                    "the list stopped after " + items + " items: " + first.path() + ": " + first.message().en());
        }
        return Text.of("lỗi nội bộ sau " + items + " mục; các mục sau đó chưa được đánh giá, hãy thử lại hoặc báo cho quản trị",
                "internal error after " + items + " items; the items after them were not assessed, try again or tell the administrator");
    }

    private BatchSummary run(ItemReader items, BatchSink sink, Tally tally) throws IOException {
        Map<String, Integer> firstUse = new HashMap<>();
        Detail detail = sink.detail();
        if (threads <= 1) {
            while (items.hasNext()) {
                stopIfStopping(tally);
                BatchItem item = items.next();
                tally.write(sink, outcome(item, duplicate(item, firstUse), detail));
            }
        } else {
            stopIfStopping(tally);
            ExecutorService workers = pool();
            Deque<Future<Outcome>> inFlight = new ArrayDeque<>();
            RuntimeException unreadable = null;
            try {
                while (true) {
                    BatchItem item;
                    try {
                        if (!items.hasNext()) {
                            break;
                        }
                        item = items.next();
                    } catch (RuntimeException e) {
                        // The list cannot be read on: the items already read are still answered, then it stops.
                        unreadable = e;
                        break;
                    }
                    stopIfStopping(tally);
                    Problem duplicate = duplicate(item, firstUse);  // decided here, in input order
                    inFlight.add(submit(workers, () -> outcome(item, duplicate, detail), tally));
                    if (inFlight.size() >= threads * IN_FLIGHT_PER_THREAD) {
                        tally.write(sink, await(inFlight.poll()));
                    }
                }
                while (!inFlight.isEmpty()) {
                    tally.write(sink, await(inFlight.poll()));
                }
                if (unreadable != null) {
                    throw unreadable;
                }
            } finally {
                inFlight.forEach(f -> f.cancel(true));  // a list that failed half-way leaves no work behind
            }
        }
        metrics.list(tally.total);
        BatchSummary summary = new BatchSummary(tally.total, tally.total - tally.invalid, tally.invalid, tally.byVerdict);
        sink.finish(summary, portfolioFindings(tally.portfolioFacts(), tally.latest));
        return summary;
    }

    /**
     * The service is stopping and the list was not done within the shutdown's grace: it ends here, short of its
     * summary, and its answer says it is cut short (no summary, no closing bracket, an unfinished chunked body).
     */
    private void stopIfStopping(Tally tally) throws InterruptedIOException {
        if (stopping) {
            throw new ServiceStopping("the list was cut short after " + tally.total + " items");
        }
    }

    private Future<Outcome> submit(ExecutorService workers, java.util.concurrent.Callable<Outcome> task, Tally tally)
            throws InterruptedIOException {
        try {
            return workers.submit(task);
        } catch (RejectedExecutionException stopped) {
            throw new ServiceStopping("the list was cut short after " + tally.total + " items");
        }
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
        /** Problems reported so far, against phendau.limits.list-problems. */
        int reported;
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
                List<Problem> problems = o.problems();
                int budget = reader.limits().listProblems() - reported;
                if (problems.size() > budget) {
                    // Past the list's budget an invalid item is still listed, with only how many problems it has.
                    int shown = Math.max(budget, 0);
                    List<Problem> kept = new ArrayList<>(problems.subList(0, shown));
                    kept.add(Problem.more(problems.size() - shown));
                    problems = kept;
                }
                reported += problems.size();
                sink.error(o.index(), o.id(), o.name(), o.province(), problems);
                return;
            }
            Assessment a = o.assessment();
            boolean kept = sink.result(o.index(), o.proposal(), a);
            metrics.assessed(Metrics.Entry.LIST, a);
            if (!kept) {
                // Written as an error (refused): counted with the errors, and no part of the verdicts or the portfolio.
                invalid++;
                reported++;
                return;
            }
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

    /**
     * The problem of an id an earlier item already used; null for the first use (or no id). The earlier item is
     * named as a person counts the items of the list, from 1, as the list page numbers its rows, and says so: the
     * {@code index} field of the answer still counts from 0.
     */
    private static Problem duplicate(BatchItem item, Map<String, Integer> firstUse) {
        String id = idOf(item.node());
        Integer earlier = id == null ? null : firstUse.putIfAbsent(id, item.index());
        return earlier == null ? null : Problem.at("id", "mã dự án '" + id + "' trùng với mục thứ " + (earlier + 1)
                        + " của danh sách (đếm từ 1)",
                "duplicate id '" + id + "': item " + (earlier + 1) + " of the list (counting from 1) already uses it");
    }

    /** Checks and assesses one item: the part of the work that runs side by side. */
    private Outcome outcome(BatchItem item, Problem duplicate, Detail detail) {
        String id = idOf(item.node());
        List<Problem> problems = problems(item);
        if (duplicate != null) {
            problems.add(duplicate);
        }
        if (!problems.isEmpty()) {
            JsonNode node = item.node();
            return new Outcome(item.index(), id, Problem.capped(problems, reader.limits().itemProblems()), null, null, textAt(node, "name"),
                    node == null ? null : textAt(node.get("location"), "province"), null);
        }
        ProjectProposal proposal = reader.convert(item.node());
        Assessment a = assessments.assess(proposal, item.node(), detail);
        return new Outcome(item.index(), id, List.of(), a,
                a.verdict() == Verdict.OUT_OF_SCOPE ? null : portfolioPart(item.index(), proposal, a), null, null, item.node());
    }

    private static Outcome await(Future<Outcome> future) throws IOException {
        try {
            return future.get();
        } catch (java.util.concurrent.CancellationException e) {
            throw new ServiceStopping("the list was cut short");
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
                if (stopping) {
                    throw new RejectedExecutionException("the service is stopping");
                }
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

    /**
     * At shutdown, after the HTTP layer's grace ({@code quarkus.shutdown.timeout}) in which lists under way could
     * finish: a list still running stops taking items and ends cut short, and the pool drains what it holds (each
     * item takes milliseconds) before it is stopped outright.
     */
    @PreDestroy
    void stop() {
        stopping = true;
        ExecutorService p;
        synchronized (this) {
            p = pool;
        }
        if (p == null) {
            return;
        }
        p.shutdown();
        try {
            if (!p.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                stopNow(p);
            }
        } catch (InterruptedException e) {
            stopNow(p);
            Thread.currentThread().interrupt();
        }
    }

    /** Items never started are cancelled, so that a list waiting for one ends rather than waits for ever. */
    private static void stopNow(ExecutorService p) {
        for (Runnable never : p.shutdownNow()) {
            if (never instanceof Future<?> f) {
                f.cancel(false);
            }
        }
    }

    /** Whether the pool, if it was ever made, has no thread left. */
    boolean drained() {
        ExecutorService p = pool;
        return p == null || p.isTerminated();
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

    /** A field's text, as the item gives it, or null when it is absent or not text. */
    private static String textAt(JsonNode node, String field) {
        return node != null && node.path(field).isTextual() ? node.get(field).asText() : null;
    }

    private static String idOf(JsonNode node) {
        return node != null && node.path("id").isTextual() ? node.get("id").asText() : null;
    }

    /** What the portfolio rules see of one assessed project: the project if of group C, its communes with known years. */
    private Part portfolioPart(int index, ProjectProposal p, Assessment a) {
        PortfolioProject groupC = null;
        if (ProjectGroup.C.name().equals(a.projectGroup().group())) {
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
            // Projects sharing two communes meet twice: one finding names them once, whatever order the rules fired in.
            unique.merge(hit.ruleId() + hit.projectIds(), hit, (was, other) -> other.rank() < was.rank() ? other : was);
        }
        Map<String, Object> shared = parameters.namedOn(latest);
        int maxIds = Math.max(1, reader.limits().findingProjectIds());
        return unique.values().stream().map(hit -> {
            RuleMeta rule = ruleBase.rule(hit.ruleId()).orElseThrow();
            Map<String, Object> values = new HashMap<>(shared);
            values.putAll(hit.values());
            // A group can hold a whole list (2,000 identical rows are one overlap): its ids are named up to the cap.
            List<String> named = hit.projectIds().size() <= maxIds ? hit.projectIds() : hit.projectIds().subList(0, maxIds);
            int more = hit.projectIds().size() - named.size();
            String shown = String.join(", ", named);
            values.put("projects", more == 0 ? shown : explainer.render(MORE_PROJECTS, Map.of("ids", shown, "more", more)::get));
            List<Citation> citations = new ArrayList<>();
            rule.cites().forEach(id -> citations.add(legal.cite(id)));
            return new PortfolioFinding(rule.id(), rule.criterion(), rule.severity(), List.copyOf(named), more,
                    explainer.render(rule.title(), values::get), explainer.render(rule.explanation(), values::get),
                    rule.remedy() == null ? null : explainer.render(rule.remedy(), values::get), citations);
        }).sorted(Comparator.comparing(PortfolioFinding::severity).thenComparing(f -> f.projectIds().get(0))
                // Ties (one project in two findings) in a fixed order, not the order the rules happened to fire in.
                .thenComparing(f -> String.join(" ", f.projectIds())).thenComparing(PortfolioFinding::ruleId)).toList();
    }
}
