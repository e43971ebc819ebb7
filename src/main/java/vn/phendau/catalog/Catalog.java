package vn.phendau.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import vn.phendau.common.Text;
import vn.phendau.legal.Citation;
import vn.phendau.legal.LegalText;
import vn.phendau.legal.Paragraph;
import vn.phendau.problem.ProblemException;
import vn.phendau.rules.Criterion;
import vn.phendau.rules.Outcome;
import vn.phendau.rules.RuleBase;
import vn.phendau.rules.RuleMeta;
import vn.phendau.rules.Severity;

/** What a reviewer reads about the rule set: rules, criteria and paragraphs, all from the compiled rules' metadata. */
@ApplicationScoped
public class Catalog {

    public record RuleView(String id, String criterion, Outcome outcome, Severity severity, int points, Text title,
                           Text explanation, List<Citation> citations, List<String> reads, String file, String source) {
    }

    public record CriterionView(String id, String group, String scoreGroup, Text title, Text description,
                                List<Citation> citations, List<String> rules) {
    }

    public record ParagraphView(String document, String id, String kind, String text, List<String> citedBy) {
    }

    private final RuleBase ruleBase;
    private final LegalText legal;

    public Catalog(RuleBase ruleBase, LegalText legal) {
        this.ruleBase = ruleBase;
        this.legal = legal;
    }

    public List<RuleView> rules() {
        return ruleBase.rules().stream().map(this::view).toList();
    }

    public RuleView rule(String id) {
        return ruleBase.rule(id).map(this::view).orElseThrow(() -> ProblemException.notFound("rule", "ruleId",
                "không có quy tắc '" + id + "'; xem danh sách ở /api/v1/rules",
                "no rule '" + id + "'; see the list at /api/v1/rules"));
    }

    public List<CriterionView> criteria() {
        return ruleBase.criteria().stream().map(this::view).toList();
    }

    public List<ParagraphView> paragraphs() {
        return legal.paragraphs().stream().map(this::view).toList();
    }

    public ParagraphView paragraph(String id) {
        return legal.paragraph(id).map(this::view).orElseThrow(() -> ProblemException.notFound("paragraph", "id",
                "Nghị quyết 23/NQ-CP không có đoạn '" + id + "'", "Resolution 23/NQ-CP has no paragraph '" + id + "'"));
    }

    private RuleView view(RuleMeta r) {
        return new RuleView(r.id(), r.criterion(), r.outcome(), r.severity(), r.points(), r.title(), r.explanation(),
                citations(r.cites(), r.laws()), r.reads(), r.file(), r.source());
    }

    private CriterionView view(Criterion c) {
        List<String> rules = ruleBase.rules().stream().filter(r -> r.criterion().equals(c.id())).map(RuleMeta::id).toList();
        return new CriterionView(c.id(), c.group(), c.scoreGroup(), c.title(), c.description(),
                citations(c.cites(), c.laws() == null ? List.of() : c.laws()), rules);
    }

    private ParagraphView view(Paragraph p) {
        List<String> citedBy = ruleBase.rules().stream().filter(r -> r.cites().contains(p.id())).map(RuleMeta::id).toList();
        return new ParagraphView(LegalText.RESOLUTION, p.id(), p.kind(), p.text(), citedBy);
    }

    /** Laws are cited in the version in force today; an assessment cites the one in force on its own date. */
    private List<Citation> citations(List<String> paragraphs, List<String> laws) {
        var out = new java.util.ArrayList<Citation>();
        paragraphs.forEach(p -> out.add(legal.cite(p)));
        laws.forEach(l -> out.add(legal.citeProvision(l, LocalDate.now())));
        return out;
    }
}
