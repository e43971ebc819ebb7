package vn.phendau.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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

    private final EntityManager em;

    public AuditLog(EntityManager em) {
        this.em = em;
    }

    /** @return the entry's number in the chain */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(String actor, String action, String subject, String contentSha256) {
        Object[] head = (Object[]) em.createNativeQuery("SELECT last_n, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .getSingleResult();
        long n = ((Number) head[0]).longValue() + 1;
        String previous = ((String) head[1]).trim();
        // Milliseconds: what both databases keep of a timestamp, so that the hash reads back the same.
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        AuditEntry e = new AuditEntry();
        e.n = n;
        e.at = at;
        e.actor = actor;
        e.action = action;
        e.subject = subject;
        e.contentSha256 = contentSha256;
        e.previousHash = previous;
        e.ownHash = AuditEntry.hashOf(previous, n, at, actor, action, subject, contentSha256);
        em.persist(e);
        em.createNativeQuery("UPDATE audit_head SET last_n = ?1, last_hash = ?2 WHERE id = 1")
                .setParameter(1, n).setParameter(2, e.ownHash).executeUpdate();
        return n;
    }
}
