package vn.phendau.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import vn.phendau.cli.JarProcess;

/**
 * Two instances of the service, two processes, on one PostgreSQL (PHENDAU_TEST_POSTGRES_URL, as .ci/run sets it): each
 * files half the dossiers, one starts a replay, and both replay it. Every dossier is replayed once, none twice, none
 * missed, and both instances took a share. The JAR is the one built for PostgreSQL by the postgresql-it profile
 * (target/quarkus-app-postgresql; the kind of database is fixed when the service is built).
 */
@EnabledIfEnvironmentVariable(named = "PHENDAU_TEST_POSTGRES_URL", matches = ".+")
class TwoInstancesReplayIT {

    static final int DOSSIERS = 240;
    static final Duration START = Duration.ofSeconds(240);

    @TempDir
    Path dir;

    static String env(String name, String absent) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? absent : v;
    }

    static final String URL = System.getenv("PHENDAU_TEST_POSTGRES_URL");
    static final String USER = env("PHENDAU_TEST_POSTGRES_USER", "phendau");
    static final String PASSWORD = env("PHENDAU_TEST_POSTGRES_PASSWORD", "phendau");

    static List<String> instance(int port, boolean clean) {
        List<String> jvm = new ArrayList<>(List.of("-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + URL,
                "-Dquarkus.datasource.username=" + USER,
                "-Dquarkus.datasource.password=" + PASSWORD,
                "-Dphendau.warm-up=false",
                "-Dphendau.security.users-file=" + Path.of("src/test/resources/users.txt").toAbsolutePath(),
                "-Dphendau.replay.threads=2",
                "-Dphendau.replay.chunk=10",
                "-Dphendau.replay.poll=200ms"));
        if (clean) {
            jvm.add("-Dquarkus.flyway.clean-disabled=false");
            jvm.add("-Dquarkus.flyway.clean-at-start=true");
        }
        return jvm;
    }

    @Test
    void twoInstancesShareOneReplayNoneTwiceNoneMissed() throws Exception {
        Path jar = Path.of(System.getProperty("phendau.postgresql.jar", "target/quarkus-app-postgresql/quarkus-run.jar"));
        assertTrue(Files.exists(jar), jar + " is built by the postgresql-it profile");
        int portA = JarProcess.freePort();
        int portB = JarProcess.freePort();
        try (JarProcess a = JarProcess.start(jar, dir.resolve("a"), instance(portA, true))) {
            assertTrue(a.awaitOutput("Listening on", START), a.output());
            try (JarProcess b = JarProcess.start(jar, dir.resolve("b"), instance(portB, false))) {
                assertTrue(b.awaitOutput("Listening on", START), b.output());

                String proposal = Files.readString(Path.of("samples/01-lang-son-duong-cua-khau-tan-thanh.json"), StandardCharsets.UTF_8);
                assertEquals(200, post(portA, "/api/v1/dossiers/batch", list(proposal, 0, DOSSIERS / 2)).statusCode());
                assertEquals(200, post(portB, "/api/v1/dossiers/batch", list(proposal, DOSSIERS / 2, DOSSIERS)).statusCode());

                HttpResponse<String> started = post(portB, "/api/v1/replays", "");
                assertEquals(202, started.statusCode(), started.body());
                Matcher id = Pattern.compile("\"replayId\"\\s*:\\s*(\\d+)").matcher(started.body());
                assertTrue(id.find(), started.body());
                long replay = Long.parseLong(id.group(1));

                long end = System.nanoTime() + Duration.ofSeconds(600).toNanos();
                String status = "";
                while (System.nanoTime() < end && !status.contains("\"DONE\"") && !status.contains("\"FAILED\"")) {
                    Thread.sleep(500);
                    status = get(portA, "/api/v1/replays/" + replay).body();
                }
                assertTrue(status.contains("\"status\":\"DONE\""), status);
                assertTrue(status.contains("\"total\":" + DOSSIERS) && status.contains("\"done\":" + DOSSIERS), status);

                try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
                    assertEquals(DOSSIERS, count(s, "SELECT COUNT(*) FROM replay_item WHERE replay_id = " + replay + " AND state = 'DONE'"),
                            "none missed");
                    assertEquals(DOSSIERS, count(s, "SELECT COUNT(*) FROM assessment WHERE kind = 'REPLAY' AND replay_id = " + replay),
                            "one replayed assessment each");
                    assertEquals(DOSSIERS, count(s, "SELECT COUNT(DISTINCT project_id) FROM assessment WHERE kind = 'REPLAY' AND replay_id = " + replay),
                            "none twice");
                    Map<String, Integer> byInstance = new HashMap<>();
                    try (ResultSet r = s.executeQuery("SELECT worker, COUNT(*) FROM replay_item WHERE replay_id = " + replay + " GROUP BY worker")) {
                        while (r.next()) {
                            // A worker is named phendau-replay-<pid>-<n>-<thread>: the pid is the instance.
                            byInstance.merge(r.getString(1).split("-")[2], r.getInt(2), Integer::sum);
                        }
                    }
                    assertEquals(Map.of(String.valueOf(a.pid()), byInstance.getOrDefault(String.valueOf(a.pid()), 0),
                            String.valueOf(b.pid()), byInstance.getOrDefault(String.valueOf(b.pid()), 0)), byInstance,
                            "only these two instances replayed: " + byInstance);
                    assertTrue(byInstance.getOrDefault(String.valueOf(a.pid()), 0) > 0
                            && byInstance.getOrDefault(String.valueOf(b.pid()), 0) > 0, "both took a share: " + byInstance);
                }
                String verified = get(portA, "/api/v1/audit/verify").body();
                assertTrue(verified.contains("\"valid\":true"), "the audit chain holds: " + verified);
            }
        }
    }

    /** A JSON list of the sample with ids from..to-1 of their own. */
    static String list(String proposal, int from, int to) {
        StringBuilder out = new StringBuilder("[");
        for (int i = from; i < to; i++) {
            out.append(i == from ? "" : ",").append(proposal.replace("\"LS-2026-014\"", "\"TWO-" + i + "\""));
        }
        return out.append(']').toString();
    }

    static int count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    static HttpResponse<String> post(int port, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(300)).header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", signedIn(path))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", signedIn(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Dossiers are filed by an officer of all provinces, replays started and the audit chain walked by an ADMIN (src/test/resources/users.txt). */
    static String signedIn(String path) {
        String user = path.startsWith("/api/v1/replays") || path.startsWith("/api/v1/audit") ? "admin-test:admin-test-pass" : "officer:officer-pass";
        return "Basic " + java.util.Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    }
}
