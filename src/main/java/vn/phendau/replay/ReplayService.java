package vn.phendau.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.phendau.assessment.Assessment;
import vn.phendau.assessment.AssessmentService;
import vn.phendau.audit.AuditLog;
import vn.phendau.audit.Hashes;
import vn.phendau.dossier.Diff;
import vn.phendau.dossier.Dossier;
import vn.phendau.dossier.DossierFilter;
import vn.phendau.dossier.DossierService;
import vn.phendau.dossier.DossierVersion;
import vn.phendau.dossier.DossierViews.Page;
import vn.phendau.dossier.StoredAssessment;
import vn.phendau.dossier.Stored;
import vn.phendau.problem.ProblemException;
import vn.phendau.proposal.ProposalReader;
import vn.phendau.reference.Provinces;
import vn.phendau.rules.RuleBase;

/**
 * Replays: the current version of each chosen dossier re-assessed with the rules as they are now, the answer added
 * beside the old ones (never over them). All of a replay's state is in the database, so it survives a restart and
 * any number of instances share it: each claims a chunk of its dossiers with SELECT … FOR UPDATE SKIP LOCKED, so
 * no two claim the same dossier, and a claim that dies with its instance is released with its connection.
 */
@ApplicationScoped
public class ReplayService {

    public static final String PENDING = "PENDING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    private final EntityManager em;
    private final DossierService dossiers;
    private final AssessmentService assessments;
    private final ProposalReader reader;
    private final RuleBase rules;
    private final AuditLog audit;
    private final Provinces provinces;
    private final ObjectMapper mapper;
    private final ReplayConfig config;
    private final vn.phendau.ops.Metrics metrics;

    public ReplayService(EntityManager em, DossierService dossiers, AssessmentService assessments, ProposalReader reader,
                         RuleBase rules, AuditLog audit, Provinces provinces, ObjectMapper mapper, ReplayConfig config,
                         vn.phendau.ops.Metrics metrics) {
        this.metrics = metrics;
        this.em = em;
        this.dossiers = dossiers;
        this.assessments = assessments;
        this.reader = reader;
        this.rules = rules;
        this.audit = audit;
        this.provinces = provinces;
        this.mapper = mapper;
        this.config = config;
    }

    public record Filter(String province, String verdict, String q) {
    }

    public record Ruleset(String version, String fingerprint) {
    }

    public record Status(long id, String status, int total, int done, int failed, int verdictsChanged, int scoresChanged,
                         int findingsChanged, Filter filter, Ruleset ruleset, Instant startedAt, Instant finishedAt,
                         String startedBy, String failure) {
    }

    /** A dossier whose verdict, score or findings the replay changed, and how. */
    public record ChangedDossier(String projectId, int version, String verdictBefore, String verdictAfter, int scoreBefore,
                                 int scoreAfter, Diff diff) {
    }

    /** Chooses the dossiers (one INSERT … SELECT: none is loaded here) and records the start in the audit chain. */
    public long start(DossierFilter filter, String by) {
        rules.whenLoaded().join();
        return QuarkusTransaction.requiringNew().call(() -> {
            Replay r = new Replay();
            r.filterProvince = filter.province();
            r.filterVerdict = filter.verdict();
            r.filterQ = filter.q();
            r.status = Replay.RUNNING;
            r.rulesetVersion = rules.version();
            r.rulesetFingerprint = rules.fingerprint();
            r.startedAt = Instant.now();
            r.startedBy = by;
            em.persist(r);
            em.flush();
            DossierFilter.Sql where = filter.sql(provinces, 2);
            r.total = where.bind(em.createNativeQuery("INSERT INTO replay_item (replay_id, project_id, state) SELECT ?1, project_id, '"
                    + PENDING + "' FROM dossier WHERE " + where.where()), 2).setParameter(1, r.id).executeUpdate();
            audit.append(by, "REPLAY_START", "replay:" + r.id, Hashes.sha256(r.id + "\n" + filter + "\n" + r.rulesetFingerprint
                    + "\n" + r.total));
            return r.id;
        });
    }

    /** The oldest replay still running, if any. */
    public Long nextRunning() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "SELECT id FROM Replay WHERE status = ?1 ORDER BY id", Long.class).setParameter(1, Replay.RUNNING)
                .setMaxResults(1).getResultStream().findFirst().orElse(null));
    }

    private record Work(String projectId, DossierVersion version, StoredAssessment before, Assessment after, String failure) {
    }

    /**
     * Claims up to a chunk of the replay's dossiers not yet replayed and not claimed by another worker, replays
     * them and commits, all in one transaction.
     *
     * @return how many were claimed: 0 when none was left to claim, -1 when the replay is no longer running
     */
    public int runChunk(long replayId, String worker) {
        int[] failed = new int[1];
        int count = QuarkusTransaction.requiringNew().timeout(600).call(() -> {
            Replay r = em.find(Replay.class, replayId);
            if (r == null || !Replay.RUNNING.equals(r.status)) {
                return -1;
            }
            @SuppressWarnings("unchecked")
            List<String> claimed = em.createNativeQuery("SELECT project_id FROM replay_item WHERE replay_id = ?1 AND state = '"
                            + PENDING + "' ORDER BY project_id FETCH FIRST " + config.chunk() + " ROWS ONLY FOR UPDATE SKIP LOCKED")
                    .setParameter(1, replayId).getResultList();
            // Assessed first, written after: the audit chain's head is locked from the first write to the commit.
            List<Work> work = new ArrayList<>(claimed.size());
            for (String projectId : claimed) {
                work.add(replay(projectId));
            }
            failed[0] = 0;  // a retried transaction counts afresh
            for (Work w : work) {
                write(r, w, worker);
                if (w.after() == null) {
                    failed[0]++;
                }
            }
            return claimed.size();
        });
        if (count > 0) {
            // Counted once the chunk is committed: a chunk rolled back is claimed again, and counted then.
            metrics.replayed(count - failed[0], failed[0]);
        }
        return count;
    }

    private Work replay(String projectId) {
        Dossier d = em.find(Dossier.class, projectId);
        DossierVersion v = dossiers.version(projectId, d.currentVersion);
        StoredAssessment before = dossiers.latest(v.id);
        try {
            JsonNode tree = reader.readTree(v.proposalJson.getBytes(StandardCharsets.UTF_8));
            return new Work(projectId, v, before, assessments.assess(reader.convert(tree), tree), null);
        } catch (ProblemException e) {
            // A proposal valid when filed that today's reader refuses: said, and the others go on.
            return new Work(projectId, v, before, null, e.problems().toString());
        }
    }

    private void write(Replay r, Work w, String worker) {
        if (w.after() == null) {
            em.createNativeQuery("UPDATE replay_item SET state = ?1, n = ?2, before_id = ?3, worker = ?4, failure = ?5 "
                            + "WHERE replay_id = ?6 AND project_id = ?7")
                    .setParameter(1, FAILED).setParameter(2, w.version().n).setParameter(3, w.before().id).setParameter(4, worker)
                    .setParameter(5, truncate(w.failure())).setParameter(6, r.id).setParameter(7, w.projectId()).executeUpdate();
            return;
        }
        long afterId = dossiers.storeReplayed(w.version(), w.after(), r.id, r.startedBy);
        JsonNode beforeAnswer = read(Stored.gunzip(w.before().answerGzip));
        Diff diff = Diff.of(null, null, beforeAnswer, mapper.valueToTree(w.after()));
        em.createNativeQuery("""
                        UPDATE replay_item SET state = ?1, n = ?2, before_id = ?3, after_id = ?4, verdict_before = ?5,
                            verdict_after = ?6, score_before = ?7, score_after = ?8, verdict_changed = ?9, score_changed = ?10,
                            findings_changed = ?11, worker = ?12 WHERE replay_id = ?13 AND project_id = ?14""")
                .setParameter(1, DONE).setParameter(2, w.version().n).setParameter(3, w.before().id).setParameter(4, afterId)
                .setParameter(5, w.before().verdict).setParameter(6, w.after().verdict().name())
                .setParameter(7, w.before().score).setParameter(8, w.after().score())
                .setParameter(9, diff.verdict().changed()).setParameter(10, diff.score().changed())
                .setParameter(11, diff.findingsChanged()).setParameter(12, worker)
                .setParameter(13, r.id).setParameter(14, w.projectId()).executeUpdate();
    }

    /**
     * Marks the replay DONE once none of its dossiers is pending (one still claimed by a worker is pending until that
     * worker commits), with its counts, and records it in the audit chain; once, whichever worker gets there first.
     */
    public boolean finishIfDone(long replayId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long pending = ((Number) em.createNativeQuery("SELECT count(*) FROM replay_item WHERE replay_id = ?1 AND state = ?2")
                    .setParameter(1, replayId).setParameter(2, PENDING).getSingleResult()).longValue();
            if (pending > 0) {
                return false;
            }
            int[] c = counts(replayId);
            int updated = em.createNativeQuery("""
                            UPDATE replay SET status = ?1, finished_at = ?2, done = ?3, failed = ?4, verdicts_changed = ?5,
                                scores_changed = ?6, findings_changed = ?7 WHERE id = ?8 AND status = ?9""")
                    .setParameter(1, Replay.DONE).setParameter(2, Instant.now()).setParameter(3, c[0]).setParameter(4, c[1])
                    .setParameter(5, c[2]).setParameter(6, c[3]).setParameter(7, c[4]).setParameter(8, replayId)
                    .setParameter(9, Replay.RUNNING).executeUpdate();
            if (updated == 1) {
                metrics.replayEnded(Replay.DONE);
                Replay r = em.find(Replay.class, replayId);
                audit.append(r.startedBy, "REPLAY_DONE", "replay:" + replayId, Hashes.sha256(replayId + "\n"
                        + java.util.Arrays.toString(c)));
            }
            return true;
        });
    }

    /** A replay that cannot go on: said FAILED with why; what it stored so far stays. */
    public void fail(long replayId, String why) {
        QuarkusTransaction.requiringNew().run(() -> {
            int[] c = counts(replayId);
            int updated = em.createNativeQuery("""
                            UPDATE replay SET status = ?1, finished_at = ?2, failure = ?3, done = ?4, failed = ?5,
                                verdicts_changed = ?6, scores_changed = ?7, findings_changed = ?8 WHERE id = ?9 AND status = ?10""")
                    .setParameter(1, Replay.FAILED).setParameter(2, Instant.now()).setParameter(3, truncate(why))
                    .setParameter(4, c[0]).setParameter(5, c[1]).setParameter(6, c[2]).setParameter(7, c[3]).setParameter(8, c[4])
                    .setParameter(9, replayId).setParameter(10, Replay.RUNNING).executeUpdate();
            if (updated == 1) {
                metrics.replayEnded(Replay.FAILED);
            }
        });
    }

    /** Done, failed, verdicts changed, scores changed, findings changed. */
    private int[] counts(long replayId) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        SELECT SUM(CASE WHEN state = 'DONE' THEN 1 ELSE 0 END), SUM(CASE WHEN state = 'FAILED' THEN 1 ELSE 0 END),
                               SUM(CASE WHEN verdict_changed THEN 1 ELSE 0 END), SUM(CASE WHEN score_changed THEN 1 ELSE 0 END),
                               SUM(CASE WHEN findings_changed THEN 1 ELSE 0 END)
                        FROM replay_item WHERE replay_id = ?1""").setParameter(1, replayId).getSingleResult();
        int[] c = new int[5];
        for (int i = 0; i < 5; i++) {
            c[i] = row[i] == null ? 0 : ((Number) row[i]).intValue();
        }
        return c;
    }

    public Status status(long replayId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Replay r = find(replayId);
            int[] c = Replay.RUNNING.equals(r.status) || r.done == null ? counts(replayId)
                    : new int[] {r.done, r.failed, r.verdictsChanged, r.scoresChanged, r.findingsChanged};
            return new Status(r.id, r.status, r.total, c[0], c[1], c[2], c[3], c[4],
                    new Filter(r.filterProvince, r.filterVerdict, r.filterQ), new Ruleset(r.rulesetVersion, r.rulesetFingerprint),
                    r.startedAt, r.finishedAt, r.startedBy, r.failure);
        });
    }

    /** The dossiers the replay changed, by project id, a page at a time, each with its diff. */
    public Page<ChangedDossier> changes(long replayId, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> {
            find(replayId);
            String changed = " FROM replay_item WHERE replay_id = ?1 AND state = 'DONE'"
                    + " AND (verdict_changed = TRUE OR score_changed = TRUE OR findings_changed = TRUE)";
            long total = ((Number) em.createNativeQuery("SELECT count(*)" + changed).setParameter(1, replayId).getSingleResult())
                    .longValue();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT project_id, n, verdict_before, verdict_after, score_before, score_after,"
                            + " before_id, after_id" + changed + " ORDER BY project_id")
                    .setParameter(1, replayId).setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
            List<ChangedDossier> items = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                StoredAssessment before = em.find(StoredAssessment.class, ((Number) row[6]).longValue());
                StoredAssessment after = em.find(StoredAssessment.class, ((Number) row[7]).longValue());
                items.add(new ChangedDossier((String) row[0], ((Number) row[1]).intValue(), (String) row[2], (String) row[3],
                        ((Number) row[4]).intValue(), ((Number) row[5]).intValue(),
                        Diff.of(null, null, read(Stored.gunzip(before.answerGzip)), read(Stored.gunzip(after.answerGzip)))));
            }
            return new Page<>(page, size, total, items);
        });
    }

    /** The replays that touched a dossier, newest first (for its page). */
    public List<Long> touching(String projectId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT replay_id FROM replay_item WHERE project_id = ?1 ORDER BY replay_id DESC")
                .setParameter(1, projectId).setMaxResults(100).getResultStream().map(n -> ((Number) n).longValue()).toList());
    }

    /** Removes the dossier lists of replays finished more than the retention ago; their counts stay. */
    public int forgetOld() {
        Instant before = Instant.now().minus(java.time.Duration.ofDays(config.retentionDays()));
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "DELETE FROM replay_item WHERE replay_id IN (SELECT id FROM replay WHERE finished_at < ?1)")
                .setParameter(1, before).executeUpdate());
    }

    private Replay find(long replayId) {
        Replay r = em.find(Replay.class, replayId);
        if (r == null) {
            throw ProblemException.notFound("lần đánh giá lại", "replayId", "không có lần đánh giá lại số " + replayId,
                    "no replay " + replayId);
        }
        return r;
    }

    private JsonNode read(byte[] json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
