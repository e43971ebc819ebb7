package vn.phendau.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Walks the audit chain from its first entry: the numbers run 1, 2, 3 without a gap, each entry names the hash of
 * the one before, its own hash is what its fields give, what it records still gives its content hash, and the head
 * row names the last entry. Read with plain JDBC, as a cursor, so memory does not grow with the chain.
 */
@ApplicationScoped
public class AuditVerifier {

    public static final String GENESIS = "0".repeat(64);

    /** The verdict on the chain: all entries hold, or the first that does not and why. */
    public record Report(boolean valid, long entries, Broken firstBroken) {
    }

    public record Broken(long n, String reason) {
    }

    /** Looked up when the chain is walked: the check command has no datasource at all (Main.NO_DATABASE). */
    private final Instance<AgroalDataSource> db;
    private final Instance<AuditContent> contents;

    public AuditVerifier(Instance<AgroalDataSource> db, Instance<AuditContent> contents) {
        this.db = db;
        this.contents = contents;
    }

    public Report verify() {
        List<AuditContent> checks = contents.stream().toList();
        try (Connection c = db.get().getConnection()) {
            c.setAutoCommit(false);  // PostgreSQL streams a result set only inside a transaction
            c.setReadOnly(true);
            long expected = 1;
            String previous = GENESIS;
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT n, at, actor, action, subject, content_sha256, previous_hash, own_hash FROM audit_entry ORDER BY n")) {
                q.setFetchSize(500);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        long n = r.getLong(1);
                        if (n != expected) {
                            return broken(c, expected - 1, expected, "entry " + expected + " is missing (the next is " + n + ")");
                        }
                        String prev = r.getString(7).trim();
                        if (!prev.equals(previous)) {
                            return broken(c, n - 1, n, "its previous hash is not the hash of entry " + (n - 1));
                        }
                        java.time.Instant at = r.getObject(2, java.time.OffsetDateTime.class).toInstant();
                        String subject = r.getString(5);
                        String content = r.getString(6).trim();
                        String own = AuditEntry.hashOf(prev, n, at, r.getString(3), r.getString(4), subject, content);
                        if (!own.equals(r.getString(8).trim())) {
                            return broken(c, n - 1, n, "its fields do not give its hash: the entry was edited");
                        }
                        for (AuditContent check : checks) {
                            if (check.recognises(subject)) {
                                Optional<String> now = check.contentSha256(c, subject);
                                if (now.isEmpty()) {
                                    return broken(c, n - 1, n, subject + " is gone");
                                }
                                if (!now.get().equals(content)) {
                                    return broken(c, n - 1, n, subject + " was changed after it was recorded");
                                }
                            }
                        }
                        previous = own;
                        expected++;
                    }
                }
            }
            long entries = expected - 1;
            try (PreparedStatement q = c.prepareStatement("SELECT last_n, last_hash FROM audit_head WHERE id = 1");
                 ResultSet r = q.executeQuery()) {
                if (!r.next() || r.getLong(1) != entries || !r.getString(2).trim().equals(previous)) {
                    return new Report(false, entries, new Broken(entries + 1,
                            "the chain ends at entry " + entries + ", but its head names another last entry: entries were removed from its end"));
                }
            }
            c.rollback();
            return new Report(true, entries, null);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit chain: " + e.getMessage(), e);
        }
    }

    private static Report broken(Connection c, long held, long n, String reason) throws SQLException {
        c.rollback();
        return new Report(false, held, new Broken(n, reason));
    }
}
