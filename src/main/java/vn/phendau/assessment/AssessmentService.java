package vn.phendau.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.phendau.assessment.Assessment.ChecklistItem;
import vn.phendau.assessment.Assessment.GroupView;
import vn.phendau.assessment.Assessment.ProvinceView;
import vn.phendau.assessment.Assessment.ScoreGroup;
import vn.phendau.common.Json;
import vn.phendau.common.Text;
import vn.phendau.common.TextJson;
import vn.phendau.legal.Citation;
import vn.phendau.legal.LegalText;
import vn.phendau.proposal.ProjectGroup;
import vn.phendau.proposal.ProjectProposal;
import vn.phendau.reference.ParameterTable;
import vn.phendau.reference.Parameters;
import vn.phendau.reference.ProjectGroups;
import vn.phendau.reference.Provinces;
import vn.phendau.rules.BorderProvince;
import vn.phendau.rules.Criterion;
import vn.phendau.rules.Outcome;
import vn.phendau.rules.Project;
import vn.phendau.rules.RuleBase;
import vn.phendau.rules.RuleMeta;
import vn.phendau.rules.Severity;

/**
 * Assesses one proposal: facts in, rules fired, findings said in the project's own terms, then the verdict,
 * score and checklist exactly as CRITERIA.md derives them. Every entry point (API, list, page) comes here.
 */
@ApplicationScoped
public class AssessmentService {

    static final ZoneId VIET_NAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private final RuleBase ruleBase;
    private final Provinces provinces;
    private final ProjectGroups groups;
    private final ParameterTable parameters;
    private final FactBuilder facts;
    private final LegalText legal;
    private final List<ScoreGroup> scoreGroups = new ArrayList<>();
    private final Map<String, Plan> plans = new HashMap<>();
    private final Explainer explainer;
    /** The notes on the project's group ({@link #NOTES}), compiled. */
    private final Map<String, Explainer.Template> notes = new HashMap<>();
    private final int checklistSize;
    /** The rules whose findings make a verdict, a score or a remedy: what a round of the path to compliance reads. */
    private final java.util.function.Predicate<String> decidesPath;
    private final Clock clock;
    private final Subject.Lookups lookups = new Subject.Lookups();

    public AssessmentService(RuleBase ruleBase, Provinces provinces, ProjectGroups groups, ParameterTable parameters,
                             FactBuilder facts, Explainer explainer, LegalText legal) {
        this.ruleBase = ruleBase;
        this.provinces = provinces;
        this.groups = groups;
        this.parameters = parameters;
        this.facts = facts;
        this.legal = legal;
        this.explainer = explainer;
        this.checklistSize = ruleBase.criteria().size();
        this.clock = Clock.system(VIET_NAM);
        for (JsonNode g : Json.resource("reference/scoring.json").get("groups")) {
            scoreGroups.add(new ScoreGroup(g.get("group").asText(), TextJson.known(Json.MAPPER.convertValue(g.get("title"), Text.class)),
                    0, g.get("max").asInt()));
        }
        // The catalog lists the rules by criterion, then by id: the order findings of one severity and outcome take.
        List<String> criteria = ruleBase.criteria().stream().map(Criterion::id).toList();
        // The checklist names every criterion in every answer.
        ruleBase.criteria().forEach(c -> TextJson.known(c.title()));
        List<String> groupNames = scoreGroups.stream().map(ScoreGroup::group).toList();
        for (RuleMeta rule : ruleBase.rules()) {
            int scoreGroup = rule.outcome() == Outcome.MET && rule.severity() == Severity.PRIORITY
                    ? groupNames.indexOf(ruleBase.criterion(rule.criterion()).orElseThrow().scoreGroup()) : -1;
            Explainer.Template explanation = explainer.compile(rule.explanation());
            FormJson.register(rule.id(), List.of(explanation));
            plans.put(rule.id(), new Plan(rule, plans.size(), criteria.indexOf(rule.criterion()), scoreGroup, explainer.compile(rule.title()), explanation,
                    rule.remedy() == null ? null : explainer.compile(rule.remedy()),
                    citationsBySpan(rule, legal),
                    rule.reads().stream().mapToInt(r -> r.contains("[*]") ? -1 : explainer.valueSlot(r)).toArray(),
                    rule.fixes().stream().mapToInt(f -> f.valueName() == null ? -1 : explainer.valueSlot(f.valueName())).toArray()));
        }
        NOTES.forEach((basis, text) -> notes.put(basis, explainer.compile(text)));
        FormJson.register(FormJson.GROUP_NOTE, notes.values());
        FormJson.constants(List.of("law", "nationalImportantFrom", "nationalImportantArticle", "groupARegardlessOfSizeArticle"));
        java.util.Set<String> deciding = new java.util.HashSet<>();
        plans.forEach((id, plan) -> {
            if (plan.scoreGroup() >= 0 || plan.rule().holdsBack() || outOfScope(plan.rule().criterion(), plan.rule().outcome())) {
                deciding.add(id);
            }
        });
        decidesPath = deciding::contains;
    }

    /**
     * What is known of a rule before any proposal is: its texts parsed, the paragraphs it quotes, and its place
     * in the catalog. Nothing of a proposal is kept here.
     *
     * @param criterion  the criterion's place in the checklist
     * @param scoreGroup the score group the rule's points count in, or -1 when it earns none (not a priority criterion met)
     * @param citations  per span of days of {@link LegalText#span}, what the rule cites then
     * @param reads      the value slot of each value of the evidence, or -1 for a pattern over a list's elements
     * @param fixes      the value slot of each fix's value, or -1 for a literal
     * @param order      severity, then what is wrong before what is unknown before what passed, then the catalog's order
     */
    private record Plan(RuleMeta rule, int rank, int criterion, int scoreGroup, Explainer.Template title,
                        Explainer.Template explanation, Explainer.Template remedy, List<List<Citation>> citations,
                        int[] reads, int[] fixes, int order) {

        Plan(RuleMeta rule, int rank, int criterion, int scoreGroup, Explainer.Template title, Explainer.Template explanation,
             Explainer.Template remedy, List<List<Citation>> citations, int[] reads, int[] fixes) {
            this(rule, rank, criterion, scoreGroup, title, explanation, remedy, citations, reads, fixes,
                    (rule.severity().ordinal() * 3 + outcomeOrder(rule.outcome())) * 10_000 + rank);
        }

        List<Citation> citations(LocalDate day, LegalText legal) {
            return citations.get(legal.span(day));
        }

    }

    /**
     * The paragraphs the rule quotes, then each provision it names in the version in force, for each span of days
     * over which no provision changes: the same for every assessment of the span, so worked out once.
     */
    private static List<List<Citation>> citationsBySpan(RuleMeta rule, LegalText legal) {
        List<Citation> cites = rule.cites().stream().map(legal::cite).toList();
        List<List<Citation>> out = new ArrayList<>(legal.spans());
        for (int span = 0; span < legal.spans(); span++) {
            List<Citation> all = new ArrayList<>(cites);
            for (String key : rule.laws()) {
                all.add(legal.citeProvision(key, legal.spanStart(span)));
            }
            out.add(rule.laws().isEmpty() ? cites : java.util.Collections.unmodifiableList(all));
        }
        return List.copyOf(out);
    }

    private static int outcomeOrder(Outcome o) {
        return switch (o) {
            case NOT_MET -> 0;
            case MISSING_INFO -> 1;
            default -> 2;
        };
    }

    public Assessment assess(ProjectProposal p) {
        return assess(p, null);
    }

    /** @param source the proposal's JSON as it was read and validated (it names the fields a finding shows), or null. */
    public Assessment assess(ProjectProposal p, JsonNode source) {
        return assess(p, source, Detail.FULL);
    }

    /**
     * An assessment with only as much said as its reader will see: below {@link Detail#FULL} there is no path to
     * compliance (null), and at {@link Detail#SUMMARY} findings have no explanation, evidence, citations or remedy
     * text. The verdict, score and findings fired are those of the full assessment.
     */
    public Assessment assess(ProjectProposal p, JsonNode source, Detail detail) {
        Setting s = setting(p);
        Evaluation e = evaluate(p, source, s, detail == Detail.SUMMARY ? Words.TITLES : Words.ALL, null);
        Assessment.PathToCompliance path = detail == Detail.FULL ? pathToCompliance(p, s, e) : null;
        // The id is the address of the stored report (/reports/{id}): it must not be guessable, so SecureRandom's.
        return new Assessment(UUID.randomUUID().toString(), p.id(), p.name(), e.verdict(),
                summary(e.verdict(), e.findings(), e.score(), provinces.nameOn(s.match(), s.date())), e.score(), e.breakdown(),
                new ProvinceView(p.location().province(), s.match().province().name(), s.match().formerly(),
                        s.match().neighbours(), s.match().landBorder()),
                groupView(p, e.fact(), s.law()),
                e.findings(), checklist(e.fired(), e.findings()), new Assessment.Ruleset(ruleBase.version(), ruleBase.fingerprint()),
                path, s.date(), Instant.now(clock));
    }

    /**
     * Where and when a proposal is judged: its day, province, the law and parameters then in force, and the values
     * a text can name of them. Worked out once per assessment; the rounds of its path to compliance share it.
     */
    private record Setting(String provinceInput, LocalDate dateInput, LocalDate date, Provinces.Match match,
                           ProjectGroups.Law law, Parameters params, BorderProvince province, Map<String, Object> context) {

        boolean holdsFor(ProjectProposal p) {
            return provinceInput.equals(p.location().province()) && java.util.Objects.equals(dateInput, p.assessmentDate());
        }
    }

    private Setting setting(ProjectProposal p) {
        LocalDate date = p.assessmentDate() != null ? p.assessmentDate() : LocalDate.now(clock);
        Provinces.Match match = provinces.resolveOn(p.location().province(), date)
                .orElseThrow(() -> new IllegalArgumentException("unvalidated province " + p.location().province()));
        ProjectGroups.Law law = groups.lawOn(date).orElseThrow(() -> new IllegalArgumentException("no law on " + date));
        Parameters params = parameters.on(date);
        return new Setting(p.location().province(), p.assessmentDate(), date, match, law, params,
                new BorderProvince(provinces.nameOn(match, date), match.landBorder()), context(match, date, law));
    }

    /** What the rules say of one proposal: the part an assessment and each step of its path to compliance share. */
    private record Evaluation(Project fact, List<Plan> fired, List<Finding> findings, List<ScoreGroup> breakdown, int score, Verdict verdict) {
    }

    /**
     * How much of a finding is said: all of it; its title only (a summary); or no words, only its remedy's
     * changes (the rounds of a path to compliance need only which rules fired and what their remedies change).
     */
    private enum Words { ALL, TITLES, NONE }

    /**
     * @param only the rules to fire (by id), or null for all: a round of the path to compliance needs only those
     *             that decide its verdict, score and remedies ({@link #decidesPath}); the others are matched but
     *             not fired.
     */
    private Evaluation evaluate(ProjectProposal p, JsonNode source, Setting s, Words words, java.util.function.Predicate<String> only) {
        Project fact = facts.build(p, s.date(), s.match(), groups, s.law());

        // A province without a land border is out of scope and nothing else is decided (CRITERIA.md, verdict 1):
        // the project fact is simply not there for the other rules to match.
        Object[] given = s.province().landBorder() ? new Object[] {s.province(), fact, s.params()} : new Object[] {s.province()};
        List<String> hits = only == null ? ruleBase.fire(given) : ruleBase.fireOnly(only, given);

        List<Plan> fired = new ArrayList<>(hits.size());
        for (String id : hits) {
            Plan plan = plans.get(id);
            if (plan == null) {
                throw new IllegalStateException("a rule outside the catalog fired: " + id);
            }
            fired.add(plan);
        }
        fired.sort(Comparator.comparingInt(Plan::order));
        Subject subject = new Subject(p, source, fact, s.context(), lookups);
        // Made even for no words: a remedy's changes read values through it too.
        Explainer.Values values = explainer.new Values(subject::value, subject::value);
        List<Finding> findings = new ArrayList<>(fired.size());
        for (Plan plan : fired) {
            findings.add(finding(plan, subject, values, s.date(), words));
        }
        List<ScoreGroup> breakdown = score(fired);
        int score = 0;
        for (ScoreGroup g : breakdown) {
            score += g.points();
        }
        return new Evaluation(fact, fired, List.copyOf(findings), breakdown, score, verdict(findings));
    }

    private static final Text ALREADY_COMPLIES = TextJson.known(
            Text.of("Dự án đã đáp ứng; không cần thay đổi.", "The project already complies; nothing needs to change."));

    /** Most remedies settle in one round; a fix can reveal a further need (a new state source needs the plan). */
    private static final int MAX_ROUNDS = 4;

    private Assessment.PathToCompliance pathToCompliance(ProjectProposal original, Setting setting, Evaluation first) {
        ProjectProposal copy = original;
        List<Finding.Change> applied = new ArrayList<>();
        Evaluation e = first;
        int rounds = 0;
        while (rounds < MAX_ROUNDS) {
            List<Finding.Change> fresh = e.findings().stream().filter(AssessmentService::holdsBack)
                    .flatMap(f -> f.remedy().changes().stream()).distinct().filter(c -> !applied.contains(c)).toList();
            if (fresh.isEmpty()) {
                break;
            }
            // The changes are made on the record, not on a JSON copy of the whole proposal: only the fields they
            // touch are written as JSON and read back, so the copy is what reading the changed JSON would give.
            copy = Changes.apply(copy, fresh);
            applied.addAll(fresh);
            rounds++;
            e = evaluate(copy, null, setting.holdsFor(copy) ? setting : setting(copy), Words.NONE, decidesPath);
        }
        List<Finding> remaining = e.findings().stream().filter(AssessmentService::holdsBack).toList();
        boolean reachable = e.verdict() == Verdict.COMPLIANT;
        Text note;
        if (first.verdict() == Verdict.COMPLIANT) {
            note = ALREADY_COMPLIES;
        } else if (reachable) {
            note = applied.size() == 1
                    ? Text.of("Với thay đổi trên, đánh giá lại theo cùng bộ quy tắc cho kết quả ĐÁP ỨNG.",
                            "With the change above, re-assessment by the same rules gives COMPLIANT.")
                    : Text.of("Với " + applied.size() + " thay đổi trên, đánh giá lại theo cùng bộ quy tắc cho kết quả ĐÁP ỨNG.",
                            "With the " + applied.size() + " changes above, re-assessment by the same rules gives COMPLIANT.");
        } else {
            String ids = String.join(", ", remaining.stream().map(Finding::ruleId).toList());
            note = Text.of("Không thể đạt ĐÁP ỨNG chỉ bằng thay đổi trường dữ liệu; còn lại: " + ids
                            + ". Những điểm này cần quyết định của người thẩm định hoặc không thể khắc phục.",
                    "COMPLIANT cannot be reached by changing fields alone; remaining: " + ids
                            + ". These need a reviewer's decision or cannot be remedied.");
        }
        return new Assessment.PathToCompliance(reachable, e.verdict(), e.score(), applied,
                remaining.stream().map(Finding::ruleId).toList(), rounds, note);
    }

    /**
     * The note on the project's group, one text per basis, and one for a group made without the sources; templates,
     * so that an answer by reference sends a note as its words and the project's own values ({@link FormJson}), the
     * law's name and articles said in the words.
     */
    private static final String NO_SOURCES = "TOTAL_INVESTMENT without sources";
    private static final Map<String, Text> NOTES = Map.of(
            ProjectGroups.Basis.NO_PUBLIC_CAPITAL.name(), Text.of(
                    "Dự án không sử dụng vốn đầu tư công nên không phải dự án đầu tư công và không được phân nhóm theo {law|raw};"
                            + " tiêu chí DISC-1 và PLAN-4 không áp dụng.",
                    "The project uses no public-investment capital, so it is not a public-investment project and has no group"
                            + " under {law|raw}; DISC-1 and PLAN-4 do not apply."),
            ProjectGroups.Basis.NATIONAL_IMPORTANCE.name(), Text.of(
                    "Dự án quan trọng quốc gia: vốn đầu tư công {capital|vnd}, từ mức {nationalImportantFrom|vnd} trở lên"
                            + " ({law|raw}, {nationalImportantArticle|raw}).",
                    "A project of national importance: public-investment capital of {capital|vnd}, at least"
                            + " {nationalImportantFrom|vnd} ({law|raw}, {nationalImportantArticle|raw})."),
            ProjectGroups.Basis.REGARDLESS_OF_SIZE.name(), Text.of(
                    "Nhóm A không phân biệt tổng mức đầu tư: dự án quốc phòng, an ninh có tính chất bảo mật quốc gia"
                            + " ({law|raw}, {groupARegardlessOfSizeArticle|raw}).",
                    "Group A whatever the size: a defence or security project of a nationally confidential nature"
                            + " ({law|raw}, {groupARegardlessOfSizeArticle|raw})."),
            ProjectGroups.Basis.TOTAL_INVESTMENT.name(), Text.of(
                    "Vốn đầu tư công {capital|vnd}, dưới mức {nationalImportantFrom|vnd} của dự án quan trọng quốc gia"
                            + " ({law|raw}, {nationalImportantArticle|raw}), nên nhóm dự án xác định theo tổng mức đầu tư và lĩnh vực"
                            + " (lĩnh vực loại {fieldClass|raw}).",
                    "Public-investment capital of {capital|vnd}, below the {nationalImportantFrom|vnd} of national"
                            + " importance ({law|raw}, {nationalImportantArticle|raw}), so the group follows the total investment and the"
                            + " field (field class {fieldClass|raw})."),
            NO_SOURCES, Text.of(
                    "Đề xuất chưa nêu nguồn vốn: dự án được phân nhóm theo tổng mức đầu tư như một dự án đầu tư công"
                            + " (lĩnh vực loại {fieldClass|raw}); chưa xác định được có phải dự án quan trọng quốc gia không.",
                    "The proposal names no sources: the project is grouped by its total investment as a public-investment"
                            + " project (field class {fieldClass|raw}); whether it is of national importance is unknown."));

    /**
     * The project's group as the law gives it, and why: a project with no public-investment capital has none
     * (group null), national importance is read from the public-investment capital, and the note says which.
     */
    private GroupView groupView(ProjectProposal p, Project fact, ProjectGroups.Law law) {
        String declared = p.investment().projectGroup() == null ? null : p.investment().projectGroup().name();
        String group = fact.group() == null ? null : fact.group().name();
        String fieldClass = groups.fieldClass(p.sector());
        String basis = fact.groupBasis() == ProjectGroups.Basis.TOTAL_INVESTMENT && fact.publicCapitalVnd() == null
                ? NO_SOURCES : fact.groupBasis().name();
        Text note = notes.get(basis).render(name -> switch (name) {
            case "capital" -> fact.publicCapitalVnd();
            case "fieldClass" -> fieldClass;
            case "law" -> law.name();
            case "nationalImportantFrom" -> law.nationalImportantFromVnd();
            case "nationalImportantArticle" -> law.nationalImportantArticle();
            case "groupARegardlessOfSizeArticle" -> law.groupARegardlessOfSizeArticle();
            default -> throw new IllegalArgumentException(name);
        });
        return new GroupView(group, group, declared, fieldClass, law.name(), fact.groupLimitYears(),
                fact.publicInvestment(), fact.publicCapitalVnd(), note);
    }

    /**
     * What a text can name of the place and the day. The same for every assessment of a province over a span of
     * days (the law, the legal texts and the parameters in force do not change within it), so made once per place
     * and span, and shared: nothing writes to it.
     */
    private Map<String, Object> context(Provinces.Match match, LocalDate date, ProjectGroups.Law law) {
        Day day = day(law, legal.span(date), parameters.namedOn(date), date);
        return contexts.computeIfAbsent(new Place(provinces.nameOn(match, date), match.formerly(), match.province().name(), day),
                k -> context(k, day));
    }

    /** A province as a text names it, on one span of days ({@link Day}, by identity). */
    private record Place(String name, String formerly, String current, Day day) {
    }

    /** The law, the span of the legal texts and the parameters in force on a span of days, and what texts name of them. */
    private static final class Day {
        final ProjectGroups.Law law;
        final int span;
        final Map<String, Object> parameters;
        final Map<String, Object> values;

        Day(ProjectGroups.Law law, int span, Map<String, Object> parameters, Map<String, Object> values) {
            this.law = law;
            this.span = span;
            this.parameters = parameters;
            this.values = values;
        }
    }

    /** As many as the spans of days the law, the texts and the parameters make together: a handful. */
    private final java.util.concurrent.CopyOnWriteArrayList<Day> days = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Per province name and span of days: a few hundred at most. */
    private final Map<Place, Map<String, Object>> contexts = new java.util.concurrent.ConcurrentHashMap<>();

    private Day day(ProjectGroups.Law law, int span, Map<String, Object> named, LocalDate date) {
        for (Day d : days) {
            if (d.law == law && d.span == span && d.parameters == named) {
                return d;
            }
        }
        Map<String, Object> values = new HashMap<>();
        values.put("law", law.name());
        values.put("capitalAllocationArticle", law.capitalAllocationArticle());
        JsonNode plan = legal.provisionOn("urban-rural-planning", date).get("planName");
        values.put("constructionPlan", Text.of(plan.get("vi").asText(), plan.get("en").asText()));
        values.put("keyZoneList", facts.keyZoneList());
        values.putAll(named);
        FormJson.constants(values.keySet());
        Day d = new Day(law, span, named, values);
        days.add(d);
        return d;
    }

    private Map<String, Object> context(Place place, Day day) {
        Map<String, Object> context = new HashMap<>(32);
        context.put("province", place.name());
        context.put("provinceKind", provinces.isCity(place.name()) ? Text.of("thành phố", "city") : Text.of("tỉnh", "province"));
        context.put("formerProvince", place.formerly());
        context.put("currentProvince", place.current());
        context.putAll(day.values);
        for (String name : context.keySet()) {
            // A finding reads an input path's value as the proposal's node (see finding): no name here may hide one.
            if (Subject.isInputPath(name)) {
                throw new IllegalStateException("a value of the context has the name of an input field: " + name);
            }
        }
        return java.util.Collections.unmodifiableMap(context);
    }

    /** @param values the subject's values, for the finding's texts, evidence and changes. */
    private Finding finding(Plan plan, Subject subject, Explainer.Values values, LocalDate date, Words words) {
        RuleMeta rule = plan.rule();
        if (words != Words.ALL) {
            // fixableByChange as the full finding has it: one change per fix.
            Finding.Remedy remedy = !rule.holdsBack() ? null : new Finding.Remedy(null,
                    words == Words.NONE ? changes(plan, subject, values) : List.of(), !rule.fixes().isEmpty(), null);
            return new Finding(rule.id(), rule.criterion(), rule.outcome(), rule.severity(), rule.points(),
                    words == Words.TITLES ? plan.title().render(values) : null, null, List.of(), Map.of(), List.of(), remedy);
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> reads = rule.reads();
        for (int r = 0; r < reads.size(); r++) {
            String read = reads.get(r);
            int slot = plan.reads()[r];
            if (slot >= 0) {
                Object value = values.value(slot, read);
                evidence.put(read, value);
                // The value of an input path is its node (no name of the context is one: see context()).
                if (rule.outcome() == Outcome.MISSING_INFO && Subject.isInputPath(read) && Subject.isMissing(value)) {
                    missing.add(read);
                }
                continue;
            }
            for (String path : subject.expand(read)) {
                evidence.put(path, values.value(path));
                if (rule.outcome() == Outcome.MISSING_INFO && Subject.isInputPath(path) && subject.isMissing(path)) {
                    missing.add(path);
                }
            }
        }
        List<Citation> citations = plan.citations(date, legal);
        Finding.Remedy remedy = null;
        if (rule.holdsBack()) {
            // Fixable by a change whether or not each change is still to be made: the rule says what its remedy changes.
            remedy = new Finding.Remedy(plan.remedy().render(values), changes(plan, subject, values), !rule.fixes().isEmpty(), citations.get(0));
        }
        return new Finding(rule.id(), rule.criterion(), rule.outcome(), rule.severity(), rule.points(),
                plan.title().render(values), plan.explanation().render(values),
                citations, evidence, missing, remedy);
    }

    /**
     * The changes a remedy makes to this proposal: a change to a value the proposal already has changes nothing,
     * so it is not listed (a remedy that asks for three ministries' agreement lists only the ones outstanding).
     */
    private static List<Finding.Change> changes(Plan plan, Subject subject, Explainer.Values values) {
        List<RuleMeta.Fix> fixes = plan.rule().fixes();
        List<Finding.Change> changes = new ArrayList<>(fixes.size());
        for (int i = 0; i < fixes.size(); i++) {
            RuleMeta.Fix fix = fixes.get(i);
            JsonNode value = fix.literal() != null ? fix.literal() : Json.MAPPER.valueToTree(values.value(plan.fixes()[i], fix.valueName()));
            Finding.Change change = new Finding.Change(fix.path(), value);
            if (Changes.changes(subject.proposal(), change)) {
                changes.add(change);
            }
        }
        return changes;
    }

    /** Points of the priority criteria met, per group, capped at the group's maximum. */
    private List<ScoreGroup> score(List<Plan> fired) {
        int[] sums = new int[scoreGroups.size()];
        for (Plan plan : fired) {
            if (plan.scoreGroup() >= 0) {
                sums[plan.scoreGroup()] += plan.rule().points();
            }
        }
        List<ScoreGroup> out = new ArrayList<>(sums.length);
        for (int i = 0; i < sums.length; i++) {
            ScoreGroup g = scoreGroups.get(i);
            out.add(new ScoreGroup(g.group(), g.title(), Math.min(g.max(), sums[i]), g.max()));
        }
        return List.copyOf(out);
    }

    /** A finding of this criterion and outcome puts the project out of scope (CRITERIA.md, verdict 1). */
    private static boolean outOfScope(String criterion, Outcome outcome) {
        return outcome == Outcome.NOT_MET && criterion.equals("SCOPE-1");
    }

    static Verdict verdict(List<Finding> findings) {
        boolean blocking = false;
        boolean heldBack = false;
        // One pass, not one per question: each round of the path to compliance asks it again.
        for (Finding f : findings) {
            if (outOfScope(f.criterion(), f.outcome())) {
                return Verdict.OUT_OF_SCOPE;
            }
            blocking |= f.severity() == Severity.BLOCKING && f.outcome() == Outcome.NOT_MET;
            heldBack |= holdsBack(f);
        }
        return blocking ? Verdict.NON_COMPLIANT : heldBack ? Verdict.NEEDS_REVIEW : Verdict.COMPLIANT;
    }

    /** A finding that keeps the project from COMPLIANT: not met or unknown, at blocking or review level. */
    static boolean holdsBack(Finding f) {
        return f.remedy() != null;
    }

    /** Every criterion once: the outcome of its most serious finding, or NOT_APPLICABLE when no rule fired. */
    private List<ChecklistItem> checklist(List<Plan> fired, List<Finding> findings) {
        Finding[] worst = new Finding[checklistSize];
        for (int i = 0; i < findings.size(); i++) {
            // The first of equally serious findings stands: only its outcome and severity are shown.
            int c = fired.get(i).criterion();
            Finding f = findings.get(i);
            if (worst[c] == null || seriousness(f) < seriousness(worst[c])) {
                worst[c] = f;
            }
        }
        List<ChecklistItem> out = new ArrayList<>(checklistSize);
        int i = 0;
        for (Criterion c : ruleBase.criteria()) {
            Finding w = worst[i++];
            out.add(w == null ? new ChecklistItem(c.id(), c.title(), Outcome.NOT_APPLICABLE, null)
                    : new ChecklistItem(c.id(), c.title(), w.outcome(), w.severity()));
        }
        return out;
    }

    private static int seriousness(Finding f) {
        return f.severity().ordinal() * 3 + outcomeOrder(f.outcome());
    }

    private static Text summary(Verdict verdict, List<Finding> findings, int score, String province) {
        long blocking = findings.stream().filter(f -> f.severity() == Severity.BLOCKING && f.outcome() == Outcome.NOT_MET).count();
        long review = findings.stream().filter(AssessmentService::holdsBack).count() - blocking;
        String points = " Điểm ưu tiên " + score + "/100.";
        String pointsEn = " Priority score " + score + "/100.";
        return switch (verdict) {
            case OUT_OF_SCOPE -> Text.of("Ngoài phạm vi: " + province + " không có đường biên giới trên đất liền.",
                    "Out of scope: " + province + " has no land border.");
            case NON_COMPLIANT -> Text.of("Chưa đáp ứng: " + blocking + " điều kiện bắt buộc không đạt." + points,
                    "Non-compliant: " + blocking + " blocking condition(s) not met." + pointsEn);
            case NEEDS_REVIEW -> Text.of("Cần thẩm định: " + review + " điểm cần ý kiến hoặc bổ sung thông tin." + points,
                    "Needs review: " + review + " point(s) need an opinion or more information." + pointsEn);
            case COMPLIANT -> Text.of("Đáp ứng các tiêu chí của Nghị quyết 23/NQ-CP." + points,
                    "Meets the criteria of Resolution 23/NQ-CP." + pointsEn);
        };
    }
}
