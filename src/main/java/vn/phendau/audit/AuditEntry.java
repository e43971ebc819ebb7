package vn.phendau.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One link of the audit chain. Its own hash covers the previous entry's hash and every field of its own. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    public long n;
    public Instant at;
    public String actor;
    public String action;
    public String subject;
    @Column(name = "content_sha256")
    public String contentSha256;
    @Column(name = "previous_hash")
    public String previousHash;
    @Column(name = "own_hash")
    public String ownHash;

    /** What the own hash is taken over; one field a line, so that no two different entries read the same. */
    static String hashOf(String previousHash, long n, Instant at, String actor, String action, String subject,
                         String contentSha256) {
        return Hashes.sha256(previousHash + "\n" + n + "\n" + at.toEpochMilli() + "\n" + actor.replace('\n', ' ') + "\n"
                + action + "\n" + subject + "\n" + contentSha256);
    }
}
