package vn.phendau.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify-audit} on a database file of its own: a whole chain holds (exit 0); an entry slipped in behind the
 * service's back, with plain JDBC, is reported (exit 1). How the chain is checked is DossierContract's; this is the
 * command around it.
 */
@QuarkusMainTest
class VerifyAuditCommandTest {

    @TempDir
    Path dir;

    @Test
    void aWholeChainHoldsAndAForgedEntryIsReported(QuarkusMainLauncher launcher) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("audit").toAbsolutePath();
        System.setProperty("quarkus.datasource.jdbc.url", url);
        try {
            LaunchResult whole = launcher.launch("verify-audit");
            assertEquals(0, whole.exitCode(), whole.getErrorOutput());
            // The first start's users (the first ADMIN, the test users file) are already in the chain.
            java.util.regex.Matcher held = java.util.regex.Pattern.compile("All (\\d+) audit entries hold").matcher(whole.getOutput());
            assertTrue(held.find(), whole.getOutput());

            try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
                if (Integer.parseInt(held.group(1)) > 0) {
                    s.executeUpdate("UPDATE audit_entry SET actor = 'intruder' WHERE n = 1");
                } else {
                    s.executeUpdate("INSERT INTO audit_entry (n, at, actor, action, subject, content_sha256, previous_hash, own_hash)"
                        + " VALUES (1, CURRENT_TIMESTAMP, 'intruder', 'FILE', 'note:1', '" + "a".repeat(64) + "', '"
                        + "0".repeat(64) + "', '" + "b".repeat(64) + "')");
                    s.executeUpdate("UPDATE audit_head SET last_n = 1, last_hash = '" + "b".repeat(64) + "'");
                }
            }
            LaunchResult forged = launcher.launch("verify-audit");
            assertEquals(1, forged.exitCode(), forged.getOutput() + forged.getErrorOutput());
            assertTrue(forged.getOutput().contains("The audit trail is broken at entry 1"), forged.getOutput());
            assertTrue(forged.getOutput().contains("edited"), forged.getOutput());
        } finally {
            System.clearProperty("quarkus.datasource.jdbc.url");
        }
    }
}
