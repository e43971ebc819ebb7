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
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
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
 * and the same answer twice; a random mutation of a valid one is answered, never a crash. The proposals come from
 * {@link Seeded}: a failing try prints its seed, and {@code -Dphendau.seed=<seed>} replays it as the first try.
 */
class AssessmentPropertiesTest {

    private static final JsonNodeFactory N = JsonNodeFactory.instance;
    private static final List<String> PROVINCES = List.of("Lạng Sơn", "lang son", "Hà Giang", "Cao Bằng", "Lào Cai",
            "Yên Bái", "Điện Biên", "Sơn La", "Nghệ An", "Quảng Trị", "Kon Tum", "Gia Lai", "Tây Ninh", "An Giang",
            "Kiên Giang", "Hà Nội", "Bắc Giang", "Huế", "Đà Nẵng", "20");

    @RepeatedTest(300)
    void everyValidProposalGetsAConsistentAnswer(RepetitionInfo run) {
        Seeded.check(run, r -> consistentAnswer(proposal(r)));
    }

    private static void consistentAnswer(ObjectNode proposal) {
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

    @RepeatedTest(500)
    void aMutatedProposalIsAnsweredNeverCrashes(RepetitionInfo run) {
        Seeded.check(run, r -> {
            ObjectNode proposal = proposal(r);
            mutations(r).forEach(m -> m.apply(proposal));
            answeredNeverCrashes(proposal);
        });
    }

    private static void answeredNeverCrashes(ObjectNode proposal) {
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
    private static Boolean tri(RandomGenerator r) {
        return r.nextDouble() < 0.33 ? null : r.nextBoolean();
    }

    private static <T> T oneOf(RandomGenerator r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static <E extends Enum<E>> E oneOf(RandomGenerator r, Class<E> type) {
        E[] values = type.getEnumConstants();
        return values[r.nextInt(values.length)];
    }

    /** The value, or null with the given probability. */
    private static <T> T orNull(RandomGenerator r, double nullChance, T value) {
        return r.nextDouble() < nullChance ? null : value;
    }

    /** Up to max distinct constants of the enum, in the enum's order. */
    private static <E extends Enum<E>> List<E> someOf(RandomGenerator r, Class<E> type, int max) {
        java.util.EnumSet<E> set = java.util.EnumSet.noneOf(type);
        int n = r.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            set.add(oneOf(r, type));
        }
        return List.copyOf(set);
    }

    /** A random proposal that the schema accepts: every optional part present, absent or partly known. */
    static ObjectNode proposal(RandomGenerator r) {
        ObjectNode l = N.objectNode().put("province", oneOf(r, PROVINCES));
        int communes = r.nextInt(5);
        if (communes > 0) {
            ArrayNode list = l.putArray("communes");
            for (int i = 0; i < communes; i++) {
                StringBuilder name = new StringBuilder();
                for (int c = 3 + r.nextInt(6); c > 0; c--) {
                    name.append((char) ('a' + r.nextInt(26)));
                }
                ObjectNode c = list.addObject().put("name", "Xã " + name);
                putIf(c, "borderCommune", tri(r));
            }
        }
        putIf(l, "inBorderBelt", tri(r));
        putIf(l, "inDefenseEconomicZone", tri(r));

        ObjectNode i = N.objectNode().put("totalVnd", r.nextLong(1_000_000_000L, 5_000_000_000_001L));
        if (r.nextDouble() >= 0.2) {
            ArrayNode sources = i.putArray("sources");
            for (int n = r.nextInt(5); n > 0; n--) {
                ObjectNode s = sources.addObject().put("type", oneOf(r, FundingType.class).name())
                        .put("amountVnd", r.nextLong(0, 2_000_000_000_001L));
                putIf(s, "secured", tri(r));
            }
        }
        putIf(i, "foreignInvestor", tri(r));

        ObjectNode o = N.objectNode();
        for (String field : List.of("defenseOpinion", "securityOpinion", "foreignAffairsOpinion")) {
            Opinion opinion = orNull(r, 0.3, oneOf(r, Opinion.class));
            if (opinion != null) {
                o.put(field, opinion.name());
            }
        }
        putIf(o, "dualUse", tri(r));
        putIf(o, "affectsBorderLineOrMarkers", tri(r));
        putIf(o, "involvesStateSecrets", tri(r));
        String description = orNull(r, 0.3, oneOf(r, List.of("", "Mặt đường chịu tải xe quân sự")));
        if (description != null) {
            o.put("dualUseDescription", description);
        }

        ObjectNode p = N.objectNode();
        for (String field : List.of("inProvincialPlan", "consistentWithSectoralPlans", "consistentWithConstructionPlan",
                "inBorderGatePlan", "inMediumTermInvestmentPlan")) {
            putIf(p, field, tri(r));
        }

        ObjectNode proposal = N.objectNode().put("id", "P-" + Long.toHexString(r.nextLong() >>> 32)).put("name", "Dự án thử nghiệm");
        proposal.set("location", l);
        proposal.set("investment", i);
        proposal.set("defenseSecurity", o);
        proposal.set("planning", p);
        Integer start = orNull(r, 0.2, r.nextInt(2020, 2031));
        if (start != null) {
            proposal.putObject("schedule").put("startYear", start).put("endYear", start + r.nextInt(9));
        }
        UrgencyLevel urgency = orNull(r, 0.3, oneOf(r, UrgencyLevel.class));
        if (urgency != null) {
            proposal.putObject("urgency").put("level", urgency.name())
                    .put("justification", "Tuyến đường xuống cấp nặng, ảnh hưởng đi lại của nhân dân.");
        }
        ObjectNode b = proposal.putObject("beneficiaries");
        Integer population = orNull(r, 0.3, r.nextInt(3001));
        if (population != null) {
            b.put("population", population);
        }
        Integer households = orNull(r, 0.3, r.nextInt(901));
        if (households != null) {
            b.put("ethnicMinorityHouseholds", households);
        }
        ObjectNode env = proposal.putObject("environment");
        Boolean river = tri(r);
        putIf(env, "onBorderRiver", river);
        putIf(env, "protectedArea", river == null ? null : !river);
        EiaStatus eia = orNull(r, 0.3, oneOf(r, EiaStatus.class));
        if (eia != null) {
            env.put("eiaStatus", eia.name());
        }
        String date = orNull(r, 0.3, oneOf(r, List.of("2024-06-30", "2025-01-01", "2026-11-20")));
        if (date != null) {
            proposal.put("assessmentDate", date);
        }

        proposal.put("sector", oneOf(r, Sector.class).name());
        someOf(r, Feature.class, 4).forEach(f -> proposal.withArray("features").add(f.name()));
        if (r.nextDouble() >= 0.2) {
            ArrayNode linkages = proposal.putArray("linkages");
            someOf(r, Linkage.class, 3).forEach(x -> linkages.add(x.name()));
        }
        return proposal;
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

    /** One to four mutations. */
    static List<Mutation> mutations(RandomGenerator r) {
        List<Mutation> out = new ArrayList<>();
        for (int n = 1 + r.nextInt(4); n > 0; n--) {
            out.add(new Mutation(r.nextInt(1001), r.nextInt(Mutation.VALUES.length + 1)));
        }
        return out;
    }
}
