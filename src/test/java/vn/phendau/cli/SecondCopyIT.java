package vn.phendau.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged JAR as a user runs it (issue 23, issue 18): a second copy, its port or its H2 file taken by the first,
 * says so in one line in both languages and exits 1, with no stack trace and no first ADMIN made, and so does
 * {@code verify-audit} run beside it; the first ADMIN's generated password, printed once the port is open, signs in;
 * a report shown by the pages opens again after
 * a restart; {@code check} opens no database, so a folder without ./data is left without one.
 */
class SecondCopyIT {

    static final Duration START = Duration.ofSeconds(180);

    @TempDir
    Path dir;

    /**
     * No stack trace, nor an exception's name. Two warnings of Vert.x's own shutdown are set aside, as they say nothing
     * of the failure: the blocked-thread warning (on a machine busy with other work, closing the half-opened server can
     * hold an event loop past its 2 s), and a close hook that the JVM's finalizer runs after the event loops have
     * already ended ("Failed to run close hook", seen once on a busy machine).
     */
    static void assertNoStackTrace(String output) {
        String told = output.replaceAll("(?m)^\\S+ WARN +\\[io\\.ver\\.cor\\.imp\\.(BlockedThreadChecker\\]|DeploymentManager\\] \\(Finalizer\\) +Failed to run close hook).*(\\n(\\t| ).*)*", "");
        assertFalse(told.contains("\tat ") || told.contains("Exception") || told.contains("ArC container"),
                "no stack trace, no exception's name:\n" + output);
    }

    static List<String> service(int port, Path db) {
        return List.of("-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + db + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000");
    }

    @Test
    void aSecondCopySaysWhatIsInUseInOneLineAndAReportOutlivesARestart() throws Exception {
        int port = JarProcess.freePort();
        Path db = dir.resolve("first/db");
        String reportPath;
        try (JarProcess first = JarProcess.start(dir.resolve("first"), service(port, db))) {
            assertTrue(first.awaitOutput("Listening on", START), first.output());
            // Its database is new: the first ADMIN is made once the port is open, and its password works.
            assertTrue(first.awaitOutput("with the generated password", START), first.output());
            Matcher generated = Pattern.compile("with the generated password (\\S+) ;").matcher(first.output());
            assertTrue(generated.find(), first.output());
            HttpResponse<String> users = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/users"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + generated.group(1)).getBytes(StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, users.statusCode(), users.body());

            // Its port taken (another database of its own): one line, exit 1.
            int otherPort = JarProcess.freePort();
            JarProcess samePort = JarProcess.start(dir.resolve("second"), service(port, dir.resolve("second/db")));
            assertEquals(1, samePort.exitCode(START), samePort.output());
            String out = samePort.output();
            assertTrue(out.contains("Không khởi động được: cổng " + port + " đang được dùng")
                    && out.contains("Cannot start: port " + port + " is in use"), out);
            assertNoStackTrace(out);
            // A start that failed made no ADMIN, and printed no password that the next start would not know of.
            assertFalse(out.contains("generated password") || out.contains("created user"), out);
            assertEquals(0, users(dir.resolve("second/db")), "no user left in the failed copy's database");

            // Its H2 file held by the first (another port): one line, exit 1.
            JarProcess sameFile = JarProcess.start(dir.resolve("third"), service(otherPort, db));
            assertEquals(1, sameFile.exitCode(START), sameFile.output());
            out = sameFile.output();
            assertTrue(out.contains("Không khởi động được: tệp cơ sở dữ liệu") && out.contains("đang được một tiến trình khác dùng")
                    && out.contains("Cannot start: the database file") && out.contains("is in use by another process"), out);
            assertTrue(out.contains(db.getFileName() + ".mv.db"), "names the file: " + out);
            assertNoStackTrace(out);

            // verify-audit beside the running service, on its H2 file: the same one line, exit 1.
            JarProcess audit = JarProcess.start(dir.resolve("fourth"), service(JarProcess.freePort(), db), "verify-audit");
            assertEquals(1, audit.exitCode(START), audit.output());
            out = audit.output();
            assertTrue(out.contains("Cannot start: the database file") && out.contains(db.getFileName() + ".mv.db"), out);
            assertNoStackTrace(out);

            reportPath = assessOnThePage(port);
            assertEquals(200, get(port, reportPath).statusCode());
        }
        // The same database after a restart: the report the pages showed still opens.
        try (JarProcess again = JarProcess.start(dir.resolve("first"), service(port, db))) {
            assertTrue(again.awaitOutput("Listening on", START), again.output());
            HttpResponse<String> report = get(port, reportPath);
            assertEquals(200, report.statusCode(), report.body());
            assertTrue(report.body().contains("Nâng cấp đường từ trung tâm xã Sín Thầu đến cửa khẩu A Pa Chải"), reportPath);
        }
    }

    @Test
    void checkLeavesNoDataFolderBehind() throws Exception {
        Path empty = dir.resolve("empty");
        Files.createDirectories(empty);
        Path list = Path.of("samples/lists/lang-son-cao-bang-2026-2030.json").toAbsolutePath();
        JarProcess check = JarProcess.start(empty, List.of(), "check", list.toString());
        assertEquals(1, check.exitCode(START), check.output());  // the sample list has invalid rows on purpose
        assertTrue(check.output().contains("{\"results\""), check.output());
        assertTrue(check.output().contains("Checked 45 items"), check.output());
        assertFalse(Files.exists(empty.resolve("data")), "check made no ./data");
    }

    /**
     * Sends sample 07 through the page's form, as a browser does (the form's CSRF token and its cookie, then the 303 to
     * the report), and gives the address of its report.
     */
    static String assessOnThePage(int port) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/assess"))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertTrue(token.find(), "the form carries its CSRF token");
        String boundary = "----phendau" + System.nanoTime();
        String json = Files.readString(Path.of("samples/07-dien-bien-duong-a-pa-chai.json"), StandardCharsets.UTF_8);
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + token.group(1)
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"json\"\r\n\r\n" + json + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/assess"))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, page.statusCode(), page.body());
        Matcher m = Pattern.compile("/reports/[0-9a-f-]{36}").matcher(page.headers().firstValue("Location").orElse(""));
        assertTrue(m.find(), "the form answers with its report's address");
        return m.group();
    }

    /** The users in an H2 file no process holds, read as its owner would with H2's own JDBC driver. */
    static long users(Path db) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + db + ";IFEXISTS=TRUE", "sa", "");
             java.sql.ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM app_user")) {
            r.next();
            return r.getLong(1);
        }
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
