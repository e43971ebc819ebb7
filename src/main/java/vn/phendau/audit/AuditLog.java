package vn.phendau.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Appends to the audit chain in the caller's transaction: the entry commits with what it records, or neither does.
 * The chain's head row is locked for the rest of that transaction, so entries are numbered and chained one at a time
 * across every instance sharing the database; callers append last, to hold the lock as briefly as they can.
 */
@ApplicationScoped
public class AuditLog {

    private final vn.phendau.common.Database database;

    public AuditLog(vn.phendau.common.Database database) {
        this.database = database;
    }

    /** What one entry records: who, what, of which subject, and the hash of its content. */
    public record Pending(String actor, String action, String subject, String contentSha256) {
    }

    /** @return the entry's number in the chain */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(String actor, String action, String subject, String contentSha256) {
        return appendAll(java.util.List.of(new Pending(actor, action, subject, contentSha256)));
    }

    /**
     * Appends several entries, one after the other, under one lock of the head: a chunk of work (a replay's, a
     * list's) takes the lock once, at its end, rather than once an item.
     *
     * @return the last entry's number in the chain (the head's, unchanged, when there is none to append)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long appendAll(java.util.List<Pending> entries) {
        Object[] head = (Object[]) database.em().createNativeQuery("SELECT last_n, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .getSingleResult();
        long n = ((Number) head[0]).longValue();
        if (entries.isEmpty()) {
            return n;
        }
        String previous = ((String) head[1]).trim();
        // Milliseconds: what both databases keep of a timestamp, so that the hash reads back the same.
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (Pending p : entries) {
            n++;
            AuditEntry e = new AuditEntry();
            e.n = n;
            e.at = at;
            e.actor = p.actor();
            e.action = p.action();
            e.subject = p.subject();
            e.contentSha256 = p.contentSha256();
            e.previousHash = previous;
            e.ownHash = AuditEntry.hashOf(previous, n, at, p.actor(), p.action(), p.subject(), p.contentSha256());
            database.em().persist(e);
            previous = e.ownHash;
        }
        database.em().createNativeQuery("UPDATE audit_head SET last_n = ?1, last_hash = ?2 WHERE id = 1")
                .setParameter(1, n).setParameter(2, previous).executeUpdate();
        return n;
    }
}
