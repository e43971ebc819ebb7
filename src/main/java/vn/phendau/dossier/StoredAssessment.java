package vn.phendau.dossier;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An assessment of a version: the answer as it was served, gzipped, and the columns read without it. Never
 * rewritten: a replay adds one of kind REPLAY.
 */
@Entity
@Table(name = "assessment")
public class StoredAssessment extends PanacheEntityBase {

    public static final String FILED = "FILED";
    public static final String REPLAY = "REPLAY";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "version_id")
    public long versionId;
    @Column(name = "project_id")
    public String projectId;
    public int n;
    @Column(name = "answer_gzip")
    public byte[] answerGzip;
    /** The digest of the answer's verdict, score and findings ({@link StoredAnswer}); null for answers filed before it. */
    @Column(name = "judgement_sha256")
    public String judgementSha256;
    @Column(name = "ruleset_version")
    public String rulesetVersion;
    @Column(name = "ruleset_fingerprint")
    public String rulesetFingerprint;
    public String verdict;
    public int score;
    @Column(name = "assessed_at")
    public Instant assessedAt;
    public String kind;
    @Column(name = "replay_id")
    public Long replayId;
}
