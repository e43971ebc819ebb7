package vn.phendau.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import vn.phendau.Engine;
import vn.phendau.assessment.Assessment;
import vn.phendau.assessment.Verdict;
import vn.phendau.common.VietnameseText;
import vn.phendau.problem.Problem;
import vn.phendau.proposal.Sector;
import vn.phendau.reference.ParameterTable;

/**
 * The portfolio rules get a list grouped and kept small (group-C projects by province and sector, projects by
 * commune); their findings must be those DISC-3 defines over the whole list, worked out here the plain way: every
 * group's small group-C projects, and every group of projects of one province and sector at one commune joined by
 * overlapping years (one finding per group, never per pair), named at the first shared commune of its last project.
 */
class PortfolioFactsTest {

    private static final List<String> PROVINCES = List.of("Lạng Sơn", "Cao Bằng", "Hà Nội");  // Hà Nội: out of scope
    private static final List<Sector> SECTORS = List.of(Sector.TRANSPORT, Sector.EDUCATION, Sector.HEALTH);
    /** A few communes, some spelled two ways, so that projects share them. */
    private static final List<String> COMMUNES = List.of("Tân Thanh", "Tan Thanh", "Hoàng Văn Thụ", "Văn Lãng", "Đồng Đăng",
            "Quảng Uyên", "Trà Lĩnh");

    @Test
    void aGeneratedListGetsTheFindingsDisc3Defines() throws IOException {
        JsonNode base = Fixtures.MAPPER.readTree(Path.of("src/test/resources/cases/bases/lang-son-road.json").toFile());
        SplittableRandom r = new SplittableRandom(23);
        List<BatchItem> items = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            ObjectNode p = base.deepCopy();
            p.put("id", "GEN-" + i);
            ((ObjectNode) p.get("location")).put("province", PROVINCES.get(r.nextInt(10) == 0 ? 2 : r.nextInt(2)));
            p.put("sector", SECTORS.get(r.nextInt(SECTORS.size())).name());
            var communes = ((ObjectNode) p.get("location")).putArray("communes");
            for (int k = 0, n = 1 + r.nextInt(3); k < n; k++) {
                communes.addObject().put("name", COMMUNES.get(r.nextInt(COMMUNES.size()))).put("borderCommune", true);
            }
            long total = r.nextBoolean() ? (1 + r.nextInt(15)) * 1_000_000_000L : (20 + r.nextInt(3000)) * 1_000_000_000L;
            var investment = (ObjectNode) p.get("investment");
            investment.put("totalVnd", total);
            investment.putArray("sources").addObject().put("type", "CENTRAL_BUDGET").put("amountVnd", total).put("secured", true);
            int start = 2026 + r.nextInt(4);
            ((ObjectNode) p.get("schedule")).put("startYear", start).put("endYear", start + r.nextInt(3));
            items.add(BatchItem.of(i, p));
        }
        Run run = run(items);
        Set<String> found = findings(run.portfolio);
        assertTrue(found.stream().filter(f -> f.startsWith("DISC-3.overlap")).count() > 10, found.toString());
        assertTrue(found.stream().filter(f -> f.startsWith("DISC-3.scattered")).count() > 2, found.toString());
        assertEquals(expected(items, run.assessments), found);
    }

    @Test
    void theSampleListGetsTheFindingsDisc3Defines() throws IOException {
        List<BatchItem> items = new ArrayList<>();
        try (ItemReader reader = BatchFormat.CSV.open(SampleLists.CSV, Engine.READER)) {
            reader.forEachRemaining(items::add);
        }
        Run run = run(items);
        Set<String> found = findings(run.portfolio);
        assertEquals(2, found.size(), found.toString());
        assertEquals(expected(items, run.assessments), found);
    }

    private record Run(List<Assessment> assessments, List<PortfolioFinding> portfolio) {
    }

    private static Run run(List<BatchItem> items) throws IOException {
        List<Assessment> assessments = new ArrayList<>();
        List<PortfolioFinding> portfolio = new ArrayList<>();
        Iterator<BatchItem> it = items.iterator();
        Engine.BATCH.run(new ItemReader() {
            public boolean hasNext() {
                return it.hasNext();
            }

            public BatchItem next() {
                return it.next();
            }

            public void close() {
            }
        }, new BatchSink() {
            public void result(int index, Assessment a) {
                while (assessments.size() < index) {
                    assessments.add(null);
                }
                assessments.add(a);
            }

            public void error(int index, String id, List<Problem> problems) {
            }

            public void finish(BatchSummary summary, List<PortfolioFinding> found) {
                portfolio.addAll(found);
            }
        });
        return new Run(assessments, portfolio);
    }

    /** Each finding as rule, projects and, for an overlap, the commune its text names. */
    private static Set<String> findings(List<PortfolioFinding> found) {
        Set<String> out = new TreeSet<>();
        for (PortfolioFinding f : found) {
            String commune = "";
            if (f.ruleId().equals("DISC-3.overlap")) {
                String text = f.explanation().vi();
                commune = text.substring(text.indexOf("cùng ở xã ") + "cùng ở xã ".length(), text.indexOf(" ("));
            }
            out.add(f.ruleId() + " " + f.projectIds() + " " + commune);
        }
        return out;
    }

    /** DISC-3 over the whole list, as CRITERIA.md says it, without the rules. */
    private static Set<String> expected(List<BatchItem> items, List<Assessment> assessments) {
        List<Integer> inScope = new ArrayList<>();
        LocalDate latest = null;
        for (int i = 0; i < assessments.size(); i++) {
            Assessment a = assessments.get(i);
            if (a != null && a.verdict() != Verdict.OUT_OF_SCOPE) {
                inScope.add(i);
                latest = latest == null || a.assessmentDate().isAfter(latest) ? a.assessmentDate() : latest;
            }
        }
        Set<String> out = new TreeSet<>();
        if (latest == null) {
            return out;
        }
        double share = new ParameterTable().on(latest).scatteredShareOfGroupC();
        for (String province : inScope.stream().map(i -> assessments.get(i).province().name()).distinct().toList()) {
            for (Sector sector : Sector.values()) {
                List<String> small = new ArrayList<>();
                for (int i : inScope) {
                    Assessment a = assessments.get(i);
                    JsonNode p = items.get(i).node();
                    long ceiling = Engine.GROUPS.lawOn(a.assessmentDate()).orElseThrow().groupCCeilingVnd(Engine.GROUPS.fieldClass(sector));
                    if (a.province().name().equals(province) && p.get("sector").asText().equals(sector.name())
                            && "C".equals(a.projectGroup().group()) && p.at("/investment/totalVnd").asLong() < ceiling * share) {
                        small.add(a.projectId());
                    }
                }
                if (small.size() >= 3) {
                    out.add("DISC-3.scattered " + small + " ");
                }
            }
        }
        // Overlaps: per province, sector and commune (folded), the projects there with known years; two whose years
        // overlap are joined, and each joined group of two or more is one finding. A group found at two communes is
        // said once, at the commune the group's last project lists first, as the group's first project spells it.
        record Site(int index, String id, String name, int rank, int start, int end) {
        }
        java.util.Map<String, List<Site>> byCommune = new java.util.LinkedHashMap<>();
        for (int i : inScope) {
            JsonNode p = items.get(i).node();
            if (!p.has("schedule") || !p.at("/location/communes").isArray()) {
                continue;
            }
            List<String> seen = new ArrayList<>();
            for (JsonNode c : p.at("/location/communes")) {
                String folded = VietnameseText.fold(c.get("name").asText());
                if (seen.contains(folded)) {
                    continue;
                }
                seen.add(folded);
                byCommune.computeIfAbsent(assessments.get(i).province().name() + "|" + p.get("sector").asText() + "|" + folded,
                        k -> new ArrayList<>()).add(new Site(i, p.get("id").asText(), c.get("name").asText(), seen.size() - 1,
                        p.at("/schedule/startYear").asInt(), p.at("/schedule/endYear").asInt()));
            }
        }
        java.util.Map<List<String>, Site[]> said = new java.util.HashMap<>();  // ids -> {first, last} of the group said
        for (List<Site> sites : byCommune.values()) {
            int[] group = new int[sites.size()];
            for (int x = 0; x < group.length; x++) {
                group[x] = x;
            }
            for (int x = 0; x < sites.size(); x++) {
                for (int y = x + 1; y < sites.size(); y++) {
                    Site a = sites.get(x);
                    Site b = sites.get(y);
                    if (a.start() <= b.end() && b.start() <= a.end()) {
                        int from = group[y];
                        int to = group[x];
                        for (int z = 0; z < group.length; z++) {
                            group[z] = group[z] == from ? to : group[z];
                        }
                    }
                }
            }
            for (int g : java.util.Arrays.stream(group).distinct().toArray()) {
                List<Site> members = new ArrayList<>();
                for (int x = 0; x < sites.size(); x++) {
                    if (group[x] == g) {
                        members.add(sites.get(x));
                    }
                }
                if (members.size() < 2) {
                    continue;
                }
                Site[] ends = {members.get(0), members.get(members.size() - 1)};
                said.merge(members.stream().map(Site::id).toList(), ends, (was, now) -> now[1].rank() < was[1].rank() ? now : was);
            }
        }
        said.forEach((ids, ends) -> out.add("DISC-3.overlap " + ids + " " + ends[0].name()));
        return out;
    }
}
