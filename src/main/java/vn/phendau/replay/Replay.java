package vn.phendau.replay;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A replay: which dossiers, with which rules, by whom, and how it stands. Its dossiers are rows of replay_item. */
@Entity
@Table(name = "replay")
public class Replay extends PanacheEntityBase {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "filter_province")
    public String filterProvince;
    @Column(name = "filter_verdict")
    public String filterVerdict;
    @Column(name = "filter_q")
    public String filterQ;
    public String status;
    public int total;
    @Column(name = "ruleset_version")
    public String rulesetVersion;
    @Column(name = "ruleset_fingerprint")
    public String rulesetFingerprint;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "started_by")
    public String startedBy;
    public String failure;
    public Integer done;
    public Integer failed;
    @Column(name = "verdicts_changed")
    public Integer verdictsChanged;
    @Column(name = "scores_changed")
    public Integer scoresChanged;
    @Column(name = "findings_changed")
    public Integer findingsChanged;
}
