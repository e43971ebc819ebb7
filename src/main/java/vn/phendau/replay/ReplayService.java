package vn.phendau.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
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
import vn.phendau.dossier.StoredAnswer;
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

    private final vn.phendau.common.Database database;
    private final DossierService dossiers;
    private final AssessmentService assessments;
    private final ProposalReader reader;
    private final RuleBase rules;
    private final AuditLog audit;
    private final Provinces provinces;
    private final ObjectMapper mapper;
    private final ReplayConfig config;
    private final vn.phendau.ops.Metrics metrics;

    public ReplayService(vn.phendau.common.Database database, DossierService dossiers, AssessmentService assessments, ProposalReader reader,
                         RuleBase rules, AuditLog audit, Provinces provinces, ObjectMapper mapper, ReplayConfig config,
                         vn.phendau.ops.Metrics metrics) {
        this.metrics = metrics;
        this.database = database;
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
            database.em().persist(r);
            database.em().flush();
            DossierFilter.Sql where = filter.sql(provinces, 2);
            r.total = where.bind(database.em().createNativeQuery("INSERT INTO replay_item (replay_id, project_id, state) SELECT ?1, project_id, '"
                    + PENDING + "' FROM dossier WHERE " + where.where()), 2).setParameter(1, r.id).executeUpdate();
            audit.append(by, "REPLAY_START", "replay:" + r.id, Hashes.sha256(r.id + "\n" + filter + "\n" + r.rulesetFingerprint
                    + "\n" + r.total));
            return r.id;
        });
    }

    /** The oldest replay still running, if any. */
    public Long nextRunning() {
        // Native, as Users' first-admin check: no HQL translated at start-up (ReplayWorker's first look).
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> ids = database.em().createNativeQuery("SELECT id FROM replay WHERE status = ?1 ORDER BY id")
                    .setParameter(1, Replay.RUNNING).setMaxResults(1).getResultList();
            return ids.isEmpty() ? null : ((Number) ids.get(0)).longValue();
        });
    }

    /**
     * A claimed dossier's current version and its latest assessment, as the replay reads them: one query for the whole
     * chunk, and of the stored answer only its judgement's digest, or its gzip where it has none (stored before the
     * digests were).
     */
    private record Current(String projectId, long versionId, int n, String proposalJson, long beforeId, String verdictBefore,
                           int scoreBefore, String judgementBefore, byte[] beforeGzip) {
    }

    private record Work(Current current, Assessment after, String failure) {
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
            Replay r = database.em().find(Replay.class, replayId);
            if (r == null || !Replay.RUNNING.equals(r.status)) {
                return -1;
            }
            // No ORDER BY: with one, H2 reads and sorts every pending dossier of the replay for each chunk, even along
            // the claim index (a replay of 100,000 would read 100 million rows); without, both databases read the index
            // and stop at the chunk's end.
            @SuppressWarnings("unchecked")
            List<String> claimed = database.em().createNativeQuery("SELECT project_id FROM replay_item WHERE replay_id = ?1 AND state = '"
                            + PENDING + "' FETCH FIRST " + config.chunk() + " ROWS ONLY FOR UPDATE SKIP LOCKED")
                    .setParameter(1, replayId).getResultList();
            if (claimed.isEmpty()) {
                return 0;
            }
            Map<String, Dossier> dossierOf = new HashMap<>();
            for (Dossier d : database.em().createQuery("FROM Dossier WHERE projectId IN ?1", Dossier.class).setParameter(1, claimed)
                    .getResultList()) {
                dossierOf.put(d.projectId, d);
            }
            // Assessed first, written after, the audit chain's head locked last: from then to the commit only.
            List<Work> work = new ArrayList<>(claimed.size());
            for (Current c : current(claimed)) {
                work.add(replay(c));
            }
            failed[0] = 0;  // a retried transaction counts afresh
            List<Outcome> outcomes = new ArrayList<>(work.size());
            List<AuditLog.Pending> entries = new ArrayList<>(work.size());
            for (Work w : work) {
                Outcome o = write(r, w, dossierOf.get(w.current().projectId()));
                outcomes.add(o);
                if (o.entry() == null) {
                    failed[0]++;
                } else {
                    entries.add(o.entry());
                }
            }
            database.em().flush();  // once: a native statement would flush (and dirty-check) the whole chunk each time
            database.em().unwrap(org.hibernate.Session.class).doWork(c -> mark(c, r.id, worker, outcomes));
            audit.appendAll(entries);
            return claimed.size();
        });
        if (count > 0) {
            // Counted once the chunk is committed: a chunk rolled back is claimed again, and counted then.
            metrics.replayed(count - failed[0], failed[0]);
        }
        return count;
    }

    /** The claimed dossiers' current versions with their latest assessments, in one query. */
    private List<Current> current(List<String> projectIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = database.em().createNativeQuery("""
                        SELECT v.project_id, v.id, v.n, v.proposal_json, a.id, a.verdict, a.score, a.judgement_sha256,
                            CASE WHEN a.judgement_sha256 IS NULL THEN a.answer_gzip END
                        FROM dossier d JOIN dossier_version v ON v.project_id = d.project_id AND v.n = d.current_version
                        JOIN assessment a ON a.id = (SELECT MAX(b.id) FROM assessment b WHERE b.version_id = v.id)
                        WHERE d.project_id IN (?1) ORDER BY v.project_id""")
                .setParameter(1, projectIds).getResultList();
        List<Current> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            out.add(new Current((String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).intValue(), text(row[3]),
                    ((Number) row[4]).longValue(), (String) row[5], ((Number) row[6]).intValue(), (String) row[7],
                    row[8] == null ? null : bytes(row[8])));
        }
        return out;
    }

    private Work replay(Current c) {
        try {
            JsonNode tree = reader.readTree(c.proposalJson().getBytes(StandardCharsets.UTF_8));
            return new Work(c, assessments.assess(reader.convert(tree), tree), null);
        } catch (ProblemException e) {
            // A proposal valid when filed that today's reader refuses: said, and the others go on.
            return new Work(c, null, e.problems().toString());
        }
    }

    /** What a dossier's replay came to, for its replay_item row; no audit entry when it failed. */
    private record Outcome(Current current, Long afterId, String verdictAfter, Integer scoreAfter, boolean verdictChanged,
                           boolean scoreChanged, boolean findingsChanged, String failure, AuditLog.Pending entry) {
    }

    private Outcome write(Replay r, Work w, Dossier d) {
        Current c = w.current();
        if (w.after() == null) {
            return new Outcome(c, null, null, null, false, false, false, truncate(w.failure()), null);
        }
        StoredAnswer answer = dossiers.write(w.after());
        DossierService.Replayed added = dossiers.addReplayed(d, c.versionId(), c.n(), c.proposalJson(), w.after(), answer,
                r.id, r.startedBy);
        // The replay's counts are of verdicts, scores and findings (the ruleset is new by design): the same digest of
        // the three is the same judgement. An answer stored without a digest has it worked out from its bytes.
        byte[] before = c.beforeGzip() == null ? null : Stored.gunzip(c.beforeGzip());
        String judgementBefore = before == null ? c.judgementBefore() : StoredAnswer.judgementSha256(before);
        if (judgementBefore != null && judgementBefore.equals(answer.judgementSha256())) {
            return new Outcome(c, added.id(), w.after().verdict().name(), w.after().score(), false, false, false, null,
                    added.entry());
        }
        if (before == null) {
            before = Stored.gunzip(answerGzip(c.beforeId()));
        }
        // Only what the diff reads of either answer: its verdict, score, ruleset and findings.
        Diff diff = Diff.of(null, null, Diff.outline(mapper, before), Diff.outline(mapper, answer.json()));
        return new Outcome(c, added.id(), w.after().verdict().name(), w.after().score(), diff.verdict().changed(),
                diff.score().changed(), diff.findingsChanged(), null, added.entry());
    }

    /** The chunk's replay_item rows marked DONE or FAILED, in one JDBC batch. */
    private static void mark(java.sql.Connection c, long replayId, String worker, List<Outcome> outcomes)
            throws java.sql.SQLException {
        try (java.sql.PreparedStatement done = c.prepareStatement("""
                UPDATE replay_item SET state = ?, n = ?, before_id = ?, after_id = ?, verdict_before = ?, verdict_after = ?,
                    score_before = ?, score_after = ?, verdict_changed = ?, score_changed = ?, findings_changed = ?, worker = ?,
                    failure = ? WHERE replay_id = ? AND project_id = ?""")) {
            for (Outcome o : outcomes) {
                Current cur = o.current();
                boolean ok = o.entry() != null;
                done.setString(1, ok ? DONE : FAILED);
                done.setInt(2, cur.n());
                done.setLong(3, cur.beforeId());
                if (ok) {
                    done.setLong(4, o.afterId());
                    done.setString(5, cur.verdictBefore());
                    done.setString(6, o.verdictAfter());
                    done.setInt(7, cur.scoreBefore());
                    done.setInt(8, o.scoreAfter());
                    done.setBoolean(9, o.verdictChanged());
                    done.setBoolean(10, o.scoreChanged());
                    done.setBoolean(11, o.findingsChanged());
                } else {
                    done.setNull(4, java.sql.Types.BIGINT);
                    done.setNull(5, java.sql.Types.VARCHAR);
                    done.setNull(6, java.sql.Types.VARCHAR);
                    done.setNull(7, java.sql.Types.INTEGER);
                    done.setNull(8, java.sql.Types.INTEGER);
                    done.setNull(9, java.sql.Types.BOOLEAN);
                    done.setNull(10, java.sql.Types.BOOLEAN);
                    done.setNull(11, java.sql.Types.BOOLEAN);
                }
                done.setString(12, worker);
                done.setString(13, o.failure());
                done.setLong(14, replayId);
                done.setString(15, cur.projectId());
                done.addBatch();
            }
            done.executeBatch();
        }
    }

    /**
     * A stored answer's gzip, read only for a dossier whose judgement changed. A row committed before the chunk: no
     * need to flush what the chunk has written so far, as a native query otherwise would.
     */
    private byte[] answerGzip(long assessmentId) {
        return bytes(database.em().createNativeQuery("SELECT answer_gzip FROM assessment WHERE id = ?1").setParameter(1, assessmentId)
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT).getSingleResult());
    }

    private static String text(Object value) {
        try {
            return value instanceof java.sql.Clob clob ? clob.getSubString(1, (int) clob.length()) : (String) value;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(Object value) {
        try {
            return value instanceof java.sql.Blob blob ? blob.getBytes(1, (int) blob.length()) : (byte[]) value;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Marks the replay DONE once none of its dossiers is pending (one still claimed by a worker is pending until that
     * worker commits), with its counts, and records it in the audit chain; once, whichever worker gets there first.
     */
    public boolean finishIfDone(long replayId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long pending = ((Number) database.em().createNativeQuery("SELECT count(*) FROM replay_item WHERE replay_id = ?1 AND state = ?2")
                    .setParameter(1, replayId).setParameter(2, PENDING).getSingleResult()).longValue();
            if (pending > 0) {
                return false;
            }
            int[] c = counts(replayId);
            int updated = database.em().createNativeQuery("""
                            UPDATE replay SET status = ?1, finished_at = ?2, done = ?3, failed = ?4, verdicts_changed = ?5,
                                scores_changed = ?6, findings_changed = ?7 WHERE id = ?8 AND status = ?9""")
                    .setParameter(1, Replay.DONE).setParameter(2, Instant.now()).setParameter(3, c[0]).setParameter(4, c[1])
                    .setParameter(5, c[2]).setParameter(6, c[3]).setParameter(7, c[4]).setParameter(8, replayId)
                    .setParameter(9, Replay.RUNNING).executeUpdate();
            if (updated == 1) {
                metrics.replayEnded(Replay.DONE);
                Replay r = database.em().find(Replay.class, replayId);
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
            int updated = database.em().createNativeQuery("""
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
        Object[] row = (Object[]) database.em().createNativeQuery("""
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
            long total = ((Number) database.em().createNativeQuery("SELECT count(*)" + changed).setParameter(1, replayId).getSingleResult())
                    .longValue();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = database.em().createNativeQuery("SELECT project_id, n, verdict_before, verdict_after, score_before, score_after,"
                            + " before_id, after_id" + changed + " ORDER BY project_id")
                    .setParameter(1, replayId).setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
            List<ChangedDossier> items = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                StoredAssessment before = database.em().find(StoredAssessment.class, ((Number) row[6]).longValue());
                StoredAssessment after = database.em().find(StoredAssessment.class, ((Number) row[7]).longValue());
                items.add(new ChangedDossier((String) row[0], ((Number) row[1]).intValue(), (String) row[2], (String) row[3],
                        ((Number) row[4]).intValue(), ((Number) row[5]).intValue(),
                        Diff.of(null, null, read(Stored.gunzip(before.answerGzip)), read(Stored.gunzip(after.answerGzip)))));
            }
            return new Page<>(page, size, total, items);
        });
    }

    /** The replays that touched a dossier, newest first (for its page). */
    public List<Long> touching(String projectId) {
        return QuarkusTransaction.requiringNew().call(() -> database.em().createNativeQuery(
                        "SELECT replay_id FROM replay_item WHERE project_id = ?1 ORDER BY replay_id DESC")
                .setParameter(1, projectId).setMaxResults(100).getResultStream().map(n -> ((Number) n).longValue()).toList());
    }

    /** Removes the dossier lists of replays finished more than the retention ago; their counts stay. */
    public int forgetOld() {
        Instant before = Instant.now().minus(java.time.Duration.ofDays(config.retentionDays()));
        return QuarkusTransaction.requiringNew().call(() -> database.em().createNativeQuery(
                        "DELETE FROM replay_item WHERE replay_id IN (SELECT id FROM replay WHERE finished_at < ?1)")
                .setParameter(1, before).executeUpdate());
    }

    private Replay find(long replayId) {
        Replay r = database.em().find(Replay.class, replayId);
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
