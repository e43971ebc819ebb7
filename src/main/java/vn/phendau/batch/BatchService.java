package vn.phendau.batch;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.phendau.assessment.Assessment;
import vn.phendau.assessment.AssessmentService;
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
import vn.phendau.rules.PortfolioHit;
import vn.phendau.rules.PortfolioProject;
import vn.phendau.rules.ProjectSite;
import vn.phendau.rules.RuleBase;
import vn.phendau.rules.RuleMeta;

/**
 * Assesses a list, whatever its format: each item read, checked exactly as a single proposal is, and assessed by
 * the same service, its answer written at once; then the portfolio rules (DISC-3) over all assessed projects.
 * Every input item ends up exactly once in the results or in the errors.
 */
@ApplicationScoped
public class BatchService {

    private final ProposalReader reader;
    private final AssessmentService assessments;
    private final RuleBase ruleBase;
    private final ProjectGroups groups;
    private final ParameterTable parameters;
    private final Explainer explainer;
    private final LegalText legal;

    public BatchService(ProposalReader reader, AssessmentService assessments, RuleBase ruleBase, ProjectGroups groups,
                        ParameterTable parameters, Explainer explainer, LegalText legal) {
        this.reader = reader;
        this.assessments = assessments;
        this.ruleBase = ruleBase;
        this.groups = groups;
        this.parameters = parameters;
        this.explainer = explainer;
        this.legal = legal;
    }

    public BatchSummary run(ItemReader items, BatchSink sink) throws IOException {
        Map<String, Integer> firstUse = new HashMap<>();
        Map<String, Integer> byVerdict = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            byVerdict.put(v.name(), 0);
        }
        List<Object> portfolio = new ArrayList<>();
        LocalDate latest = null;
        int total = 0;
        int invalid = 0;
        while (items.hasNext()) {
            BatchItem item = items.next();
            total++;
            String id = idOf(item.node());
            List<Problem> problems = problems(item);
            Integer earlier = id == null ? null : firstUse.putIfAbsent(id, item.index());
            if (earlier != null) {
                problems.add(Problem.at("id", "mã dự án '" + id + "' trùng với mục " + earlier + " của danh sách",
                        "duplicate id '" + id + "': item " + earlier + " of the list already uses it"));
            }
            if (!problems.isEmpty()) {
                invalid++;
                sink.error(item.index(), id, problems);
                continue;
            }
            ProjectProposal proposal = reader.convert(item.node());
            Assessment a = assessments.assess(proposal, item.node());
            sink.result(item.index(), a);
            byVerdict.merge(a.verdict().name(), 1, Integer::sum);
            if (a.verdict() != Verdict.OUT_OF_SCOPE) {
                addToPortfolio(portfolio, item.index(), proposal, a);
                latest = latest == null || a.assessmentDate().isAfter(latest) ? a.assessmentDate() : latest;
            }
        }
        BatchSummary summary = new BatchSummary(total, total - invalid, invalid, byVerdict);
        sink.finish(summary, portfolioFindings(portfolio, latest));
        return summary;
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

    private void addToPortfolio(List<Object> portfolio, int index, ProjectProposal p, Assessment a) {
        String province = a.province().name();
        long ceiling = groups.lawOn(a.assessmentDate()).orElseThrow().groupCCeilingVnd(groups.fieldClass(p.sector()));
        portfolio.add(new PortfolioProject(index, p.id(), province, p.sector(), ProjectGroup.valueOf(a.projectGroup().group()),
                p.investment().totalVnd(), ceiling));
        if (p.schedule() == null || p.schedule().startYear() == null || p.schedule().endYear() == null
                || p.location().communes() == null) {
            return;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (var commune : p.location().communes()) {
            String key = VietnameseText.fold(commune.name());
            if (seen.add(key)) {
                portfolio.add(new ProjectSite(index, p.id(), province, p.sector(), key, commune.name(),
                        p.schedule().startYear(), p.schedule().endYear()));
            }
        }
    }

    private List<PortfolioFinding> portfolioFindings(List<Object> portfolio, LocalDate latest) {
        if (portfolio.isEmpty()) {
            return List.of();
        }
        Parameters params = parameters.on(latest);
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
        }).sorted(Comparator.comparing(PortfolioFinding::severity).thenComparing(f -> f.projectIds().get(0))).toList();
    }
}
