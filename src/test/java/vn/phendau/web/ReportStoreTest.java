package vn.phendau.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.phendau.common.Json;
import vn.phendau.assessment.Assessment;
import vn.phendau.assessment.AssessmentService;
import vn.phendau.batch.BatchSummary;
import vn.phendau.batch.PortfolioFinding;
import vn.phendau.common.Text;
import vn.phendau.dossier.Stored;
import vn.phendau.legal.Citation;
import vn.phendau.problem.Problem;
import vn.phendau.proposal.ProposalReader;
import vn.phendau.rules.Severity;

/**
 * The pages' reports and lists are in the database: what one store keeps, another (a fresh entity manager, as after a
 * restart) reads back equal; the retention drops the oldest first, by age, count and weight, and never the newest;
 * a write is kept whole or not at all.
 */
@QuarkusTest
class ReportStoreTest {

    @Inject
    ReportStore store;

    @Inject
    vn.phendau.common.Database em;

    @Inject
    /** Through Instance, as the service's own beans take it: check, run in this JVM, has no datasource (Main.NO_DATABASE). */
    jakarta.enterprise.inject.Instance<AgroalDataSource> dbs;

    AgroalDataSource db() {
        return dbs.get();
    }

    @Inject
    AssessmentService service;

    @Inject
    ProposalReader reader;

    @Inject
    PagesConfig defaults;

    Assessment assess(String sample) throws Exception {
        try (var files = Files.list(Path.of("samples"))) {
            Path f = files.filter(p -> p.getFileName().toString().startsWith(sample)).findFirst().orElseThrow();
            return service.assess(reader.read(Files.readAllBytes(f)));
        }
    }

    /** An assessment with an id of its own (what the store is asked to keep is what the pages assessed). */
    static Assessment withId(Assessment a, String id) {
        return new Assessment(id, a.projectId(), a.projectName(), a.verdict(), a.summary(), a.score(), a.scoreBreakdown(),
                a.province(), a.projectGroup(), a.findings(), a.checklist(), a.ruleset(), a.pathToCompliance(),
                a.assessmentDate(), a.assessedAt());
    }

    ReportStore storeWith(int days, int reports, long reportBytes) {
        return new ReportStore(em, new PagesConfig() {
            public int listItems() { return 2000; }
            public int keptDays() { return days; }
            public int keptReports() { return reports; }
            public int keptLists() { return reports; }
            public long keptReportBytes() { return reportBytes; }
            public long keptListBytes() { return reportBytes; }
        });
    }

    byte[] row(String table, String id) throws Exception {
        try (Connection c = db().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT body_gzip FROM " + table + " WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getBytes(1) : null;
            }
        }
    }

    @Test
    void aReportIsKeptGzippedInTheDatabaseAndReadBackEqualByAnotherStore() throws Exception {
        Assessment a = assess("07");
        store.put(a);

        byte[] stored = row("page_report", a.assessmentId());
        assertTrue(stored != null && stored.length > 2, "a row of page_report holds it");
        assertEquals(0x1f, stored[0] & 0xff, "gzipped");
        assertEquals(0x8b, stored[1] & 0xff, "gzipped");
        String json = new String(Stored.gunzip(stored), StandardCharsets.UTF_8);
        assertTrue(json.contains(a.assessmentId()) && json.contains(a.projectName()), json.substring(0, 200));
        assertTrue(stored.length * 3 < json.length(), "gzip makes it smaller: " + stored.length + " of " + json.length());

        // Another store over the same database, as the service after a restart: the same answer, to the finding (an
        // evidence value comes back as Jackson reads it, a String where a JsonNode was, so the JSON is compared).
        ReportStore fresh = storeWith(30, 20000, 1L << 28);
        Assessment read = fresh.report(a.assessmentId()).orElseThrow();
        assertEquals(Json.MAPPER.valueToTree(a), Json.MAPPER.valueToTree(read));
        assertEquals(a.findings().size(), read.findings().size());
        assertEquals(a.assessedAt(), read.assessedAt());
        assertTrue(fresh.report(UUID.randomUUID().toString()).isEmpty(), "an unknown id is none");
    }

    @Test
    void everySamplesReportPageReadsTheSameFromTheDatabaseAsWhenItWasAssessed() throws Exception {
        List<Path> samples;
        try (var files = Files.list(Path.of("samples"))) {
            samples = files.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.json")).sorted().toList();
        }
        assertEquals(30, samples.size());
        Pattern link = Pattern.compile("/reports/([0-9a-f-]{36})");
        for (Path f : samples) {
            for (String lang : List.of("vi", "en")) {
                // Post/redirect/get: the report shown after the form is already the one the store reads back.
                String shown = AssessPagesTest.pasted(Files.readString(f)).cookie("lang", lang)
                        .post("/assess").then().statusCode(200).extract().asString();
                Matcher m = link.matcher(shown);
                assertTrue(m.find(), f + " links to its report");
                String read = given().cookie("lang", lang).get("/reports/" + m.group(1)).then().statusCode(200).extract().asString();
                assertEquals(shown, read, f + " in " + lang + ": the report as kept is the report as shown");
            }
        }
    }

    @Test
    void aListIsKeptWithItsRowsInvalidItemsAndPortfolioFindings() {
        ListResult list = new ListResult(UUID.randomUUID().toString(), "danh-sách.csv", Instant.parse("2026-12-05T07:00:00.123456Z"),
                new BatchSummary(3, 2, 1, Map.of("COMPLIANT", 1, "NON_COMPLIANT", 1)),
                List.of(new ListResult.Row(1, UUID.randomUUID().toString(), "LS-1", "Đường Tân Thanh", "Lạng Sơn",
                                vn.phendau.assessment.Verdict.COMPLIANT, 87),
                        new ListResult.Row(3, UUID.randomUUID().toString(), "LS-3", null, "Cao Bằng",
                                vn.phendau.assessment.Verdict.NON_COMPLIANT, 12)),
                List.of(new ListResult.Invalid(2, "LS-2", List.of(Problem.at("$[1].location.province", "thiếu tỉnh", "province missing")))),
                List.of(new PortfolioFinding("DISC-3", "DISC", Severity.values()[0], List.of("LS-1", "LS-3"), 2,
                        Text.of("Dự án chồng lấn", "Overlapping projects"), Text.of("giải thích", "explanation"),
                        Text.of("khắc phục", "remedy"), List.of(new Citation("Nghị quyết 23/NQ-CP", "3", null, "trích dẫn")))),
                new ListResult.Input(vn.phendau.batch.BatchFormat.CSV, "projectId\nLS-1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        store.put(list);

        ListResult read = storeWith(30, 1000, 1L << 26).list(list.listId()).orElseThrow();
        // The list as sent (kept for its downloads) is bytes: a record compares those by reference.
        assertEquals(list.input().format(), read.input().format());
        org.junit.jupiter.api.Assertions.assertArrayEquals(list.input().bytes(), read.input().bytes());
        assertEquals(new ListResult(list.listId(), list.source(), list.at(), list.summary(), list.rows(), list.invalid(), list.portfolio(), null),
                new ListResult(read.listId(), read.source(), read.at(), read.summary(), read.rows(), read.invalid(), read.portfolio(), null));
        assertTrue(store.list(UUID.randomUUID().toString()).isEmpty());
    }

    @Test
    void theOldestGoFirstByCountAndWeightAndTheNewestStays() throws Exception {
        Assessment a = assess("01");
        ReportStore small = storeWith(30, 5, Long.MAX_VALUE);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            small.put(withId(a, id));
        }
        small.prune();
        assertEquals(5, small.reportCount(), "as many as kept-reports");
        for (int i = 0; i < 12; i++) {
            assertEquals(i >= 7, small.report(ids.get(i)).isPresent(), "report " + i + " of 12");
        }

        long one = row("page_report", ids.get(11)).length;
        ReportStore light = storeWith(30, 20000, 3 * one + one / 2);
        light.prune();
        assertEquals(3, light.reportCount(), "as many as weigh within kept-report-bytes");
        assertTrue(light.reportBytes() <= 3 * one + one / 2);
        assertTrue(light.report(ids.get(11)).isPresent() && light.report(ids.get(9)).isPresent());
        assertFalse(light.report(ids.get(8)).isPresent());

        ReportStore tiny = storeWith(30, 20000, 1);
        tiny.prune();
        assertEquals(1, tiny.reportCount(), "the newest stays, whatever it weighs");
        assertTrue(tiny.report(ids.get(11)).isPresent());
    }

    @Test
    void whatIsOlderThanTheKeptDaysGoes() throws Exception {
        Assessment a = assess("01");
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        store.put(withId(a, old));
        store.put(withId(a, recent));
        try (Connection c = db().getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE page_report SET kept_at = ? WHERE id = ?")) {
            s.setObject(1, java.time.OffsetDateTime.now().minusDays(31));
            s.setString(2, old);
            assertEquals(1, s.executeUpdate());
        }
        store.prune();
        assertTrue(store.report(old).isEmpty(), "31 days old, past kept-days 30");
        assertTrue(store.report(recent).isPresent());
    }

    @Test
    void theDefaultsKeepAReportThroughManyOthersFromOtherUsers() throws Exception {
        assertEquals(30, defaults.keptDays());
        assertEquals(20000, defaults.keptReports());
        assertEquals(1000, defaults.keptLists());
        assertEquals(256L << 20, defaults.keptReportBytes());
        assertEquals(64L << 20, defaults.keptListBytes());
        Assessment a = assess("03");
        String mine = UUID.randomUUID().toString();
        store.put(withId(a, mine));
        List<ReportStore.Encoded> others = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            others.add(ReportStore.encode(withId(a, UUID.randomUUID().toString())));
            if (others.size() == 50) {
                store.putAll(others);
                others.clear();
            }
        }
        store.prune();
        assertTrue(store.report(mine).isPresent(), "600 reports later, within the retention, mine is still there");
    }

    @Test
    void aWriteIsKeptWholeOrNotAtAll() throws Exception {
        Assessment a = assess("01");
        List<ReportStore.Encoded> chunk = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = UUID.randomUUID().toString();
            fresh.add(id);
            chunk.add(ReportStore.encode(withId(a, id)));
        }
        // Its last row cannot be written: no id is that long (page_report.id is VARCHAR(64)).
        chunk.add(ReportStore.encode(withId(a, "x".repeat(65))));
        assertThrows(RuntimeException.class, () -> store.putAll(chunk));
        for (String id : fresh) {
            assertTrue(store.report(id).isEmpty(), "none of the chunk is kept when one of it fails");
        }
        store.putAll(chunk.subList(0, 5));
        assertTrue(store.report(fresh.get(4)).isPresent());
    }

    @Test
    void aReportKeptAgainIsOneRowAndTheNewest() throws Exception {
        Assessment a = assess("01");
        String id = UUID.randomUUID().toString();
        store.put(withId(a, id));
        store.put(withId(a, UUID.randomUUID().toString()));
        store.put(withId(a, id));
        ReportStore one = storeWith(30, 1, Long.MAX_VALUE);
        one.prune();
        assertEquals(1, one.reportCount());
        assertTrue(one.report(id).isPresent(), "kept again, it is the newest");
    }
}
