package vn.phendau.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Recomputes an entry's content hash from what it records, as stored now: an edited proposal or answer then breaks
 * the chain as an edited entry does. Implemented by the rooms that append (dossiers), so that audit needs none of them.
 */
public interface AuditContent {

    /** Whether this one knows the entry's subject (its prefix, as in {@code assessment:42}). */
    boolean recognises(String subject);

    /** The content hash of the subject as stored now; empty when the subject is gone. */
    Optional<String> contentSha256(Connection db, String subject) throws SQLException;
}
