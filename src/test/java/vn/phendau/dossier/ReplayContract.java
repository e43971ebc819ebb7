package vn.phendau.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.phendau.assessment.Assessment;
import vn.phendau.assessment.Verdict;
import vn.phendau.replay.ReplayService;
import vn.phendau.replay.ReplayWorker;

/**
 * Replays against a real database. The tests start no workers of their own at start-up
 * ({@code %test.phendau.replay.threads=0}) and drive them here: the service's background threads, or two claimers
 * side by side, each with its own transactions and so its own connection, as two instances of the service are.
 */
abstract class ReplayContract extends DossierContract {

    @Inject
    ReplayService replays;
    @Inject
    ReplayWorker worker;
    @Inject
    DossierService dossierService;

    /** Files {@code count} dossiers whose names carry the tag, so that a replay can choose exactly them. */
    static List<String> fileTagged(String tag, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "R" + tag + "-" + i;
            ObjectNode p = sample(id);
            p.put("name", "Dự án thử " + tag + " số " + i);
            file(p, null).then().statusCode(201);
            ids.add(id);
        }
        return ids;
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** The value of one series in /q/metrics (0 when it is not there yet). */
    static double metric(String series) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + java.util.regex.Pattern.quote(series)
                + " ([0-9.E+-]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    JsonPath awaitDone(String location) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonPath s = given().get(location).then().statusCode(200).extract().jsonPath();
            if (!s.getString("status").equals("RUNNING")) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the replay did not finish in a minute: " + given().get(location).asString());
    }

    @Test
    void aReplayAddsAnAssessmentToEachChosenDossierAndSaysWhatChanged() throws Exception {
        String tag = tag();
        List<String> ids = fileTagged(tag, 7);
        String firstAnswer = given().get("/api/v1/dossiers/" + ids.get(0) + "/versions/1").asString();
        // One dossier's latest assessment made to differ from what today's rules give, as a rule change would:
        // stored as a replay's would be, through the service, so the audit chain still holds.
        QuarkusTransaction.requiringNew().run(() -> {
            DossierVersion v = dossierService.version(ids.get(1), 1);
            Assessment a = readAssessment(dossierService.latest(v.id));
            Assessment older = new Assessment(a.assessmentId(), a.projectId(), a.projectName(), Verdict.NEEDS_REVIEW, a.summary(),
                    a.score() + 7, a.scoreBreakdown(), a.province(), a.projectGroup(), a.findings().subList(1, a.findings().size()),
                    a.checklist(), new Assessment.Ruleset("0.9.0", "sha256:older"), a.pathToCompliance(), a.assessmentDate(),
                    a.assessedAt());
            dossierService.storeReplayed(v, older, 0, "test");
        });
        // Another's answer as stored before answers had a judgement digest: compared by its bytes.
        try (Connection c = db().getConnection(); PreparedStatement u = c.prepareStatement(
                "UPDATE assessment SET judgement_sha256 = NULL WHERE project_id = ?")) {
            u.setString(1, ids.get(2));
            assertThat(u.executeUpdate(), equalTo(1));
        }

        Response started = given().queryParam("q", tag).header("X-Submitted-By", "replay-test").post("/api/v1/replays");
        assertThat(started.asString(), started.statusCode(), equalTo(202));
        String location = started.header("Location");
        assertThat(location, startsWith("http"));
        JsonPath running = given().get(location).then().statusCode(200).extract().jsonPath();
        assertThat(running.getString("status"), equalTo("RUNNING"));
        assertThat(running.getInt("total"), equalTo(7));
        assertThat(running.getInt("done"), equalTo(0));

        double replayedBefore = metric("phendau_replay_dossiers_total{outcome=\"replayed\"}");
        double endedBefore = metric("phendau_replays_total{status=\"DONE\"}");
        worker.start(2);
        JsonPath done;
        try {
            done = awaitDone(location);
        } finally {
            worker.stop();
        }
        assertThat(done.prettify(), done.getString("status"), equalTo("DONE"));
        assertThat(done.getInt("done"), equalTo(7));
        // Its progress in /q/metrics: the seven dossiers, and the replay's end.
        assertThat(metric("phendau_replay_dossiers_total{outcome=\"replayed\"}"), equalTo(replayedBefore + 7));
        assertThat(metric("phendau_replays_total{status=\"DONE\"}"), equalTo(endedBefore + 1));
        assertThat(done.getInt("verdictsChanged"), equalTo(1));
        assertThat(done.getInt("scoresChanged"), equalTo(1));
        assertThat(done.getInt("findingsChanged"), equalTo(1));
        assertThat(done.getString("startedBy"), equalTo("admin-test"));

        JsonPath changes = given().get(location + "/changes").then().statusCode(200).extract().jsonPath();
        assertThat(changes.getList("items.projectId"), equalTo(List.of(ids.get(1))));
        assertThat(changes.getString("items[0].verdictBefore"), equalTo("NEEDS_REVIEW"));
        assertThat(changes.getBoolean("items[0].diff.score.changed"), equalTo(true));
        assertThat(changes.getList("items[0].diff.findings.added"), hasSize(1));
        assertThat(changes.getString("items[0].diff.ruleset.before.version"), equalTo("0.9.0"));

        // Never overwritten: the version as first served is as it was, and the replay's assessment is added to it.
        assertThat(given().get("/api/v1/dossiers/" + ids.get(0) + "/versions/1").asString(), equalTo(withAssessmentsOf(firstAnswer, ids.get(0))));
        JsonPath d = given().get("/api/v1/dossiers/" + ids.get(0)).jsonPath();
        assertThat(d.getList("versions.items[0].assessments.kind"), equalTo(List.of("FILED", "REPLAY")));
        assertThat(given().get("/api/v1/audit/verify").jsonPath().getBoolean("valid"), equalTo(true));

        given().get("/api/v1/replays/987654321").then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().queryParam("verdict", "SOMETIMES").post("/api/v1/replays").then().statusCode(400)
                .body("problems[0].path", equalTo("verdict"));
    }

    /** The version's JSON now: the same, but its list of assessments has grown by the replay's. */
    private String withAssessmentsOf(String before, String projectId) {
        String now = given().get("/api/v1/dossiers/" + projectId + "/versions/1").asString();
        String cut = ",\"assessments\":";
        assertThat(now.substring(0, now.indexOf(cut)), equalTo(before.substring(0, before.indexOf(cut))));
        return now;
    }

    private Assessment readAssessment(StoredAssessment s) {
        try {
            return io.quarkus.arc.Arc.container().instance(com.fasterxml.jackson.databind.ObjectMapper.class).get()
                    .readValue(Stored.gunzip(s.answerGzip), Assessment.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Whether two claimers must both get a share: on PostgreSQL, where several instances share a replay. H2 serves one
     * instance; there the test asserts only that no dossier is replayed twice or missed.
     */
    abstract boolean sharesClaims();

    @Test
    void twoClaimersSideBySideReplayEachDossierOnceAndMissNone() throws Exception {
        String tag = tag();
        List<String> ids = fileTagged(tag, 40);
        long id = replays.start(DossierFilter.of(null, null, tag), "two-claimers");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> claimed = new ArrayList<>();
            for (String name : List.of("instance-A", "instance-B")) {
                claimed.add(two.submit(() -> {
                    go.await();
                    int total = 0;
                    // As the service's workers do: a claimer that finds nothing to claim while the other still holds
                    // some waits and looks again, until the replay is done.
                    while (true) {
                        int n = replays.runChunk(id, name);
                        if (n > 0) {
                            total += n;
                        } else if (n < 0 || replays.finishIfDone(id)) {
                            return total;
                        } else {
                            Thread.sleep(20);
                        }
                    }
                }));
            }
            go.countDown();
            int a = claimed.get(0).get();
            int b = claimed.get(1).get();
            assertThat("every dossier claimed once in all", a + b, equalTo(40));
            if (sharesClaims()) {
                assertThat("both took a share (A " + a + ", B " + b + ")", Math.min(a, b), greaterThan(0));
            }
        } finally {
            two.shutdownNow();
        }
        assertThat(replays.status(id).status(), equalTo("DONE"));
        assertThat(replays.status(id).done(), equalTo(40));

        Map<String, Integer> replayed = new HashMap<>();
        Map<String, Integer> byWorker = new HashMap<>();
        try (Connection c = db().getConnection()) {
            try (PreparedStatement q = c.prepareStatement("SELECT project_id FROM assessment WHERE replay_id = ?")) {
                q.setLong(1, id);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        replayed.merge(r.getString(1), 1, Integer::sum);
                    }
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT worker, count(*) FROM replay_item WHERE replay_id = ? GROUP BY worker")) {
                q.setLong(1, id);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        byWorker.put(r.getString(1), r.getInt(2));
                    }
                }
            }
        }
        assertThat("none missed", replayed.keySet(), containsInAnyOrder(ids.toArray()));
        assertThat("none twice: " + replayed, replayed.values().stream().allMatch(n -> n == 1), equalTo(true));
        if (sharesClaims()) {
            assertThat(byWorker.keySet(), containsInAnyOrder("instance-A", "instance-B"));
        }
        assertThat(given().get("/api/v1/audit/verify").jsonPath().getBoolean("valid"), equalTo(true));
    }

    @Test
    void idleWorkersStopAtOnceAndLeaveNoThread() throws Exception {
        worker.start(2);
        Thread.sleep(500);  // past their first look for a replay: now waiting for the next
        long start = System.nanoTime();
        worker.stop();
        long millis = (System.nanoTime() - start) / 1_000_000;
        // Woken, not left to their poll (2 s) nor to the interrupt that comes after it.
        assertThat("stopped in " + millis + " ms", millis < 1_500, equalTo(true));
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).filter(n -> n.startsWith("phendau-replay-")).toList(), equalTo(List.of()));
    }

    @Test
    void aReplayStoppedHalfWayCarriesOnWhereItStopped() throws Exception {
        String tag = tag();
        fileTagged(tag, 12);
        Response started = given().queryParam("q", tag).post("/api/v1/replays");
        String location = started.header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(replays.runChunk(id, "before-the-restart"), equalTo(5));
        assertThat(given().get(location).jsonPath().getInt("done"), equalTo(5));
        // All a replay's state is in the database: workers started afresh (as at a restart) find it and finish it.
        worker.start(1);
        JsonPath done;
        try {
            done = awaitDone(location);
        } finally {
            worker.stop();
        }
        assertThat(done.getString("status"), equalTo("DONE"));
        assertThat(done.getInt("done"), equalTo(12));
        try (Connection c = db().getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT count(*), count(DISTINCT project_id) FROM assessment WHERE replay_id = ?")) {
            q.setLong(1, id);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                assertThat(r.getInt(1), equalTo(12));
                assertThat(r.getInt(2), equalTo(12));
            }
        }
        assertThat(location, endsWith("/api/v1/replays/" + id));
    }
}
