package vn.phendau.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import vn.phendau.Engine;
import vn.phendau.assessment.Assessment;
import vn.phendau.assessment.Verdict;
import vn.phendau.problem.ProblemException;
import vn.phendau.proposal.EiaStatus;
import vn.phendau.proposal.Feature;
import vn.phendau.proposal.FundingType;
import vn.phendau.proposal.Linkage;
import vn.phendau.proposal.Opinion;
import vn.phendau.proposal.Sector;
import vn.phendau.proposal.UrgencyLevel;
import vn.phendau.rules.Criterion;
import vn.phendau.rules.Outcome;
import vn.phendau.rules.Severity;

/**
 * Properties over random proposals: every valid one gets a verdict that agrees with its findings by
 * CRITERIA.md's order, a checklist naming every criterion once, a score within 0–100 and each group's maximum,
 * and the same answer twice; a random mutation of a valid one is answered, never a crash.
 */
class AssessmentPropertiesTest {

    private static final JsonNodeFactory N = JsonNodeFactory.instance;
    private static final List<String> PROVINCES = List.of("Lạng Sơn", "lang son", "Hà Giang", "Cao Bằng", "Lào Cai",
            "Yên Bái", "Điện Biên", "Sơn La", "Nghệ An", "Quảng Trị", "Kon Tum", "Gia Lai", "Tây Ninh", "An Giang",
            "Kiên Giang", "Hà Nội", "Bắc Giang", "Huế", "Đà Nẵng", "20");

    @Property(tries = 300)
    void everyValidProposalGetsAConsistentAnswer(@ForAll("proposals") ObjectNode proposal) {
        byte[] body = proposal.toString().getBytes(StandardCharsets.UTF_8);
        Assessment a = Engine.SERVICE.assess(Engine.READER.read(body));
        List<String> criteria = Engine.RULES.criteria().stream().map(Criterion::id).toList();
        assertEquals(criteria, a.checklist().stream().map(Assessment.ChecklistItem::criterion).toList());
        assertTrue(a.score() >= 0 && a.score() <= 100, "score " + a.score());
        a.scoreBreakdown().forEach(g -> assertTrue(g.points() >= 0 && g.points() <= g.max(), g.toString()));
        assertEquals(a.score(), a.scoreBreakdown().stream().mapToInt(Assessment.ScoreGroup::points).sum());
        assertEquals(expectedVerdict(a), a.verdict(), "verdict by CRITERIA.md's order");
        Assessment again = Engine.SERVICE.assess(Engine.READER.read(body));
        assertEquals(a.findings(), again.findings(), "assessing twice gives the same findings");
        assertEquals(a.verdict(), again.verdict());
        assertEquals(a.score(), again.score());
    }

    @Property(tries = 500)
    void aMutatedProposalIsAnsweredNeverCrashes(@ForAll("proposals") ObjectNode proposal,
                                                @ForAll("mutations") List<Mutation> mutations) {
        mutations.forEach(m -> m.apply(proposal));
        try {
            Engine.SERVICE.assess(Engine.READER.read(proposal.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (ProblemException e) {
            assertTrue(e.status() >= 400 && e.status() < 500, "a client problem: " + e.status());
            e.problems().forEach(p -> assertTrue(!p.path().isEmpty() && !p.message().vi().isBlank() && !p.message().en().isBlank(),
                    "a problem with a path and both languages: " + p));
        }
    }

    private static Verdict expectedVerdict(Assessment a) {
        var f = a.findings();
        if (f.stream().anyMatch(x -> x.criterion().equals("SCOPE-1") && x.outcome() == Outcome.NOT_MET)) {
            return Verdict.OUT_OF_SCOPE;
        }
        if (f.stream().anyMatch(x -> x.severity() == Severity.BLOCKING && x.outcome() == Outcome.NOT_MET)) {
            return Verdict.NON_COMPLIANT;
        }
        if (f.stream().anyMatch(x -> (x.severity() == Severity.BLOCKING || x.severity() == Severity.REVIEW)
                && (x.outcome() == Outcome.NOT_MET || x.outcome() == Outcome.MISSING_INFO))) {
            return Verdict.NEEDS_REVIEW;
        }
        return Verdict.COMPLIANT;
    }

    /** A boolean field that is absent a third of the time: unknown is as likely as yes or no. */
    private static Arbitrary<Boolean> tri() {
        return Arbitraries.of(true, false).injectNull(0.33);
    }

    private static <E extends Enum<E>> Arbitrary<String> code(Class<E> type) {
        return Arbitraries.of(type).map(Enum::name);
    }

    @Provide
    Arbitrary<ObjectNode> proposals() {
        Arbitrary<ObjectNode> location = Combinators.combine(Arbitraries.of(PROVINCES),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(8).list().ofMaxSize(4),
                tri().list().ofSize(4), tri(), tri()).as((province, names, flags, belt, zone) -> {
                    ObjectNode l = N.objectNode().put("province", province);
                    if (!names.isEmpty()) {
                        ArrayNode communes = l.putArray("communes");
                        for (int i = 0; i < names.size(); i++) {
                            ObjectNode c = communes.addObject().put("name", "Xã " + names.get(i));
                            if (flags.get(i) != null) {
                                c.put("borderCommune", flags.get(i));
                            }
                        }
                    }
                    putIf(l, "inBorderBelt", belt);
                    putIf(l, "inDefenseEconomicZone", zone);
                    return l;
                });
        Arbitrary<ObjectNode> investment = Combinators.combine(Arbitraries.longs().between(1_000_000_000L, 5_000_000_000_000L),
                Combinators.combine(Arbitraries.of(FundingType.class), Arbitraries.longs().between(0, 2_000_000_000_000L), tri())
                        .as((t, amount, secured) -> {
                            ObjectNode s = N.objectNode().put("type", t.name()).put("amountVnd", amount);
                            putIf(s, "secured", secured);
                            return s;
                        }).list().ofMaxSize(4).injectNull(0.2),
                tri()).as((total, sources, foreign) -> {
                    ObjectNode i = N.objectNode().put("totalVnd", total);
                    if (sources != null) {
                        i.putArray("sources").addAll(sources);
                    }
                    putIf(i, "foreignInvestor", foreign);
                    return i;
                });
        Arbitrary<ObjectNode> opinions = Combinators.combine(code(Opinion.class).injectNull(0.3), code(Opinion.class).injectNull(0.3),
                code(Opinion.class).injectNull(0.3), tri(), tri(), tri(), Arbitraries.of("", "Mặt đường chịu tải xe quân sự").injectNull(0.3))
                .as((d, s, f, dual, line, secrets, desc) -> {
                    ObjectNode o = N.objectNode();
                    if (d != null) {
                        o.put("defenseOpinion", d);
                    }
                    if (s != null) {
                        o.put("securityOpinion", s);
                    }
                    if (f != null) {
                        o.put("foreignAffairsOpinion", f);
                    }
                    putIf(o, "dualUse", dual);
                    putIf(o, "affectsBorderLineOrMarkers", line);
                    putIf(o, "involvesStateSecrets", secrets);
                    if (desc != null) {
                        o.put("dualUseDescription", desc);
                    }
                    return o;
                });
        Arbitrary<ObjectNode> planning = tri().list().ofSize(5).map(flags -> {
            ObjectNode p = N.objectNode();
            String[] names = {"inProvincialPlan", "consistentWithSectoralPlans", "consistentWithConstructionPlan",
                    "inBorderGatePlan", "inMediumTermInvestmentPlan"};
            for (int i = 0; i < names.length; i++) {
                putIf(p, names[i], flags.get(i));
            }
            return p;
        });
        Arbitrary<ObjectNode> rest = Combinators.combine(Arbitraries.integers().between(2020, 2030).injectNull(0.2),
                Arbitraries.integers().between(0, 8), Arbitraries.of(UrgencyLevel.class).injectNull(0.3),
                Arbitraries.integers().between(0, 3000).injectNull(0.3), Arbitraries.integers().between(0, 900).injectNull(0.3),
                tri(), Arbitraries.of(EiaStatus.class).injectNull(0.3), Arbitraries.of("2024-06-30", "2025-01-01", "2026-11-20").injectNull(0.3))
                .as((start, length, urgency, population, households, river, eia, date) -> {
                    ObjectNode r = N.objectNode();
                    if (start != null) {
                        r.putObject("schedule").put("startYear", start).put("endYear", start + length);
                    }
                    if (urgency != null) {
                        r.putObject("urgency").put("level", urgency.name()).put("justification", "Tuyến đường xuống cấp nặng, ảnh hưởng đi lại của nhân dân.");
                    }
                    ObjectNode b = r.putObject("beneficiaries");
                    if (population != null) {
                        b.put("population", population);
                    }
                    if (households != null) {
                        b.put("ethnicMinorityHouseholds", households);
                    }
                    ObjectNode env = r.putObject("environment");
                    putIf(env, "onBorderRiver", river);
                    putIf(env, "protectedArea", river == null ? null : !river);
                    if (eia != null) {
                        env.put("eiaStatus", eia.name());
                    }
                    if (date != null) {
                        r.put("assessmentDate", date);
                    }
                    return r;
                });
        Arbitrary<ObjectNode> kind = Combinators.combine(Arbitraries.of(Sector.class),
                Arbitraries.of(Feature.class).set().ofMaxSize(4), Arbitraries.of(Linkage.class).set().ofMaxSize(3).injectNull(0.2))
                .as((sector, features, linkages) -> {
                    ObjectNode k = N.objectNode().put("sector", sector.name());
                    features.forEach(f -> k.withArray("features").add(f.name()));
                    if (linkages != null) {
                        ArrayNode l = k.putArray("linkages");
                        linkages.forEach(x -> l.add(x.name()));
                    }
                    return k;
                });
        return Combinators.combine(location, investment, opinions, planning, rest, kind).as((l, i, o, p, r, k) -> {
            ObjectNode proposal = N.objectNode().put("id", "P-" + Integer.toHexString(l.hashCode())).put("name", "Dự án thử nghiệm");
            proposal.set("location", l);
            proposal.set("investment", i);
            proposal.set("defenseSecurity", o);
            proposal.set("planning", p);
            proposal.setAll(r);
            proposal.setAll(k);
            return proposal;
        });
    }

    private static void putIf(ObjectNode node, String field, Boolean value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** One change to a proposal's JSON: a field removed, or given a value of the wrong kind. */
    record Mutation(int target, int kind) {
        private static final JsonNode[] VALUES = {N.nullNode(), N.textNode(""), N.textNode("TRANSPOT"), N.numberNode(-1),
                N.numberNode(new java.math.BigDecimal("1e400")), N.booleanNode(true), N.objectNode(), N.arrayNode(),
                N.textNode("Lạng\u200B Sơn"), N.textNode("=HYPERLINK(\"x\")"), N.numberNode(3_000_000_000L), N.textNode("2024-02-30")};

        void apply(ObjectNode root) {
            List<ObjectNode> parents = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            collect(root, parents, fields);
            if (fields.isEmpty()) {
                return;
            }
            int i = Math.floorMod(target, fields.size());
            if (kind == VALUES.length) {
                parents.get(i).remove(fields.get(i));
            } else {
                parents.get(i).set(fields.get(i), VALUES[kind].deepCopy());
            }
        }

        private static void collect(JsonNode node, List<ObjectNode> parents, List<String> fields) {
            if (node instanceof ObjectNode o) {
                for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                    String f = it.next();
                    parents.add(o);
                    fields.add(f);
                    collect(o.get(f), parents, fields);
                }
            } else if (node instanceof ArrayNode a) {
                a.forEach(x -> collect(x, parents, fields));
            }
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, Mutation.VALUES.length))
                .as(Mutation::new).list().ofMinSize(1).ofMaxSize(4);
    }
}
