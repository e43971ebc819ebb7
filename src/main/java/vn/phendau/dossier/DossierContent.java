package vn.phendau.dossier;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import vn.phendau.audit.AuditContent;

/** The audit chain's check of a stored assessment: its version's proposal and its answer, as stored now. */
@ApplicationScoped
public class DossierContent implements AuditContent {

    static final String PREFIX = "assessment:";

    static String subject(long assessmentId) {
        return PREFIX + assessmentId;
    }

    @Override
    public boolean recognises(String subject) {
        return subject.startsWith(PREFIX);
    }

    @Override
    public Optional<String> contentSha256(Connection db, String subject) throws SQLException {
        long id;
        try {
            id = Long.parseLong(subject.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        try (PreparedStatement q = db.prepareStatement("""
                SELECT a.project_id, a.n, v.proposal_json, a.answer_gzip, a.kind, a.replay_id, v.project_id, v.n, a.judgement_sha256
                FROM assessment a JOIN dossier_version v ON v.id = a.version_id WHERE a.id = ?""")) {
            q.setLong(1, id);
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                long replay = r.getLong(6);
                Long replayId = r.wasNull() ? null : replay;
                // An assessment moved to another dossier or version counts as changed: both ids are in the content.
                String projectId = r.getString(1).equals(r.getString(7)) && r.getInt(2) == r.getInt(8) ? r.getString(1) : "?";
                byte[] answer = Stored.gunzip(r.getBytes(4));
                // The digest a replay compares by is not in the content, but must still be the answer's own.
                String judgement = r.getString(9);
                if (judgement != null && !judgement.equals(StoredAnswer.judgementSha256(answer))) {
                    return Optional.of("its judgement digest is not its answer's");
                }
                return Optional.of(Stored.contentSha256(projectId, r.getInt(2), r.getString(3), answer, r.getString(5), replayId));
            }
        }
    }
}
