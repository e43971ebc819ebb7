package vn.phendau.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.phendau.assessment.Assessment;
import vn.phendau.assessment.AssessmentService;
import vn.phendau.assessment.Verdict;
import vn.phendau.audit.AuditLog;
import vn.phendau.common.VietnameseText;
import vn.phendau.dossier.DossierViews.AssessmentRow;
import vn.phendau.dossier.DossierViews.DossierView;
import vn.phendau.dossier.DossierViews.Filed;
import vn.phendau.dossier.DossierViews.Page;
import vn.phendau.dossier.DossierViews.Ref;
import vn.phendau.dossier.DossierViews.Summary;
import vn.phendau.dossier.DossierViews.VersionDetail;
import vn.phendau.dossier.DossierViews.VersionDiff;
import vn.phendau.dossier.DossierViews.VersionView;
import vn.phendau.problem.ProblemException;
import vn.phendau.proposal.ProjectProposal;
import vn.phendau.reference.Provinces;
import vn.phendau.security.Scope;
import vn.phendau.security.SecurityProblems;

/**
 * Files proposals as versions of their dossiers and reads them back. A version, its assessment and its audit entry
 * commit in one transaction; the assessment itself is made before it, so the transaction holds its locks only
 * for the writes.
 */
@ApplicationScoped
public class DossierService {

    public static final String FILE = "FILE";
    public static final String REPLAY = "REPLAY";

    private final vn.phendau.common.Database database;
    private final ObjectMapper mapper;
    private final ObjectMapper marking;
    private final AuditLog audit;
    private final AssessmentService assessments;
    private final Provinces provinces;
    private final FilingGroups groups;

    public DossierService(vn.phendau.common.Database database, ObjectMapper mapper, AuditLog audit, AssessmentService assessments,
                          Provinces provinces) {
        this.database = database;
        this.mapper = mapper;
        this.marking = StoredAnswer.marking(mapper);
        this.audit = audit;
        this.assessments = assessments;
        this.provinces = provinces;
        this.groups = new FilingGroups(this::storeAll);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        groups.stop();
    }

    /** Assesses a proposal already read and validated, and files it. */
    public Filed file(JsonNode tree, ProjectProposal proposal, String by, Scope scope) {
        return store(tree, assessments.assess(proposal, tree), by, scope);
    }

    /**
     * A proposal ready to file: what is computed from it and its assessment (the JSON, the canonical hash, the answer
     * and its gzip) is computed before the transaction, so that the transaction does only the writes.
     */
    public record ToFile(JsonNode tree, Assessment assessment, String json, String sha, StoredAnswer answer, byte[] answerGzip) {
    }

    /** What filing one item came to: its answer, or refused (a dossier of a province the caller may not file for). */
    public record Outcome(Filed filed, ProblemException refused) {
    }

    public ToFile prepare(JsonNode tree, Assessment a) {
        StoredAnswer answer = write(a);
        return new ToFile(tree, a, write(tree), Stored.proposalSha256(tree), answer, Stored.gzip(answer.json()));
    }

    /** Whether the caller may file a proposal of this assessment's province (its dossier's, if any, is checked on storing). */
    public boolean mayFile(Assessment a, Scope scope) {
        return scope.sees(provinces, a.province().name());
    }

    /**
     * Files a proposal with its assessment: a new version, or none when the proposal is the current version's
     * (then the answer is that version's current assessment, said unchanged). Stored together with the filings that
     * other requests make at the same moment ({@link FilingGroups}): one transaction, one lock of the audit chain's
     * head, for all of them.
     */
    public Filed store(JsonNode tree, Assessment a, String by, Scope scope) {
        if (!mayFile(a, scope)) {
            throw otherProvince(scope);
        }
        Outcome o = groups.store(new Filing(prepare(tree, a), by, scope));
        if (o.refused() != null) {
            throw o.refused();
        }
        return o.filed();
    }

    /** One item to store, with who files it and the provinces they may file for. */
    public record Filing(ToFile item, String by, Scope scope) {
    }

    /**
     * Files several proposals in one transaction, all or none: each item's version, assessment and audit entry commit
     * together with the others'. Items of a province the caller may not file for are refused, the others filed.
     */
    public List<Outcome> storeAll(List<ToFile> items, String by, Scope scope) {
        return storeAll(items.stream().map(i -> new Filing(i, by, scope)).toList());
    }

    /** As above, for items of several callers: each item is checked against its own caller's provinces. */
    List<Outcome> storeAll(List<Filing> items) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> storeIn(items));
        } catch (PersistenceException | io.quarkus.narayana.jta.QuarkusTransactionException e) {
            // Two first filings of one new project at once (or two lists locking the same dossiers the other way
            // round): the loser is rolled back whole; once more finds the winner's rows.
            return QuarkusTransaction.requiringNew().call(() -> storeIn(items));
        }
    }

    private List<Outcome> storeIn(List<Filing> items) {
        Instant now = Instant.now();
        // The chunk's dossiers read and locked at once, in the order of their ids, so that two lists sharing some
        // lock them in one order.
        List<String> ids = items.stream().map(f -> f.item().assessment().projectId()).distinct().sorted().toList();
        // Native SQL: Hibernate translates a query with a list parameter again at each execution (each group has
        // its own count of ids), which was a tenth of a filing's time; a native query is only the list spliced in.
        Map<String, Dossier> locked = new java.util.HashMap<>();
        for (Object d : database.em().createNativeQuery("SELECT * FROM dossier WHERE project_id IN (?1) ORDER BY project_id FOR UPDATE",
                Dossier.class).setParameter(1, ids).getResultList()) {
            locked.put(((Dossier) d).projectId, (Dossier) d);
        }
        Map<String, String[]> current = new java.util.HashMap<>();  // project id -> {current version's hash, its id}
        @SuppressWarnings("unchecked")
        List<Object[]> rows = database.em().createNativeQuery("""
                        SELECT v.project_id, v.proposal_sha256, v.id FROM dossier_version v
                        JOIN dossier d ON v.project_id = d.project_id AND v.n = d.current_version
                        WHERE d.project_id IN (?1)""").setParameter(1, ids).getResultList();
        for (Object[] row : rows) {
            current.put((String) row[0], new String[] {((String) row[1]).strip(), String.valueOf(row[2])});
        }
        List<Outcome> out = new ArrayList<>(items.size());
        List<AuditLog.Pending> entries = new ArrayList<>(items.size());
        for (Filing filing : items) {
            ToFile f = filing.item();
            Scope scope = filing.scope();
            String by = filing.by();
            Assessment a = f.assessment();
            if (!scope.sees(provinces, a.province().name())) {
                out.add(new Outcome(null, otherProvince(scope)));
                continue;
            }
            // Those the query did not lock are new: no need to ask the database again (a tenth of storing a group).
            Dossier d = locked.get(a.projectId());
            int n;
            if (d == null) {
                d = new Dossier();
                d.projectId = a.projectId();
                d.createdAt = now;
                locked.put(d.projectId, d);
                n = 1;
            } else {
                if (!scope.sees(provinces, d.province)) {
                    out.add(new Outcome(null, otherProvince(scope)));
                    continue;
                }
                String[] cur = current.get(d.projectId);
                if (cur[0].equals(f.sha())) {
                    StoredAssessment latest = latest(Long.parseLong(cur[1]));
                    out.add(new Outcome(new Filed(new Ref(d.projectId, d.currentVersion, true), Stored.gunzip(latest.answerGzip)), null));
                    continue;
                }
                n = d.currentVersion + 1;
            }
            DossierVersion v = new DossierVersion();
            v.projectId = d.projectId;
            v.n = n;
            v.proposalJson = f.json();
            v.proposalSha256 = f.sha();
            v.filedAt = now;
            v.filedBy = by;
            d.currentVersion = n;
            follow(d, a, now);
            if (n == 1) {
                database.em().persist(d);
            }
            database.em().persist(v);  // inserted at once (its id is the database's), after the dossier it belongs to
            StoredAssessment s = assessment(v.id, v.projectId, n, a, f.answerGzip(), f.answer().judgementSha256(), StoredAssessment.FILED,
                    null);
            current.put(d.projectId, new String[] {f.sha(), String.valueOf(v.id)});
            entries.add(new AuditLog.Pending(by, FILE, DossierContent.subject(s.id),
                    Stored.contentSha256(v.projectId, n, f.json(), f.answer().json(), s.kind, null)));
            out.add(new Outcome(new Filed(new Ref(d.projectId, n, false), f.answer().json()), null));
        }
        database.em().flush();
        // Last: the chain's head stays locked only for its entries and the commit.
        audit.appendAll(entries);
        return out;
    }

    public static vn.phendau.problem.ProblemException otherProvince(Scope scope) {
        return SecurityProblems.forbidden("bạn chỉ được nộp hồ sơ của " + scope.province(),
                "you may file dossiers of " + scope.province() + " only");
    }

    /**
     * Adds a replay's assessment to a version (never replacing one), moves the dossier's search columns to it, and
     * records it in the audit chain, in the caller's transaction.
     *
     * @return the stored assessment's id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long storeReplayed(DossierVersion v, Assessment a, long replayId, String actor) {
        Replayed r = addReplayed(database.em().find(Dossier.class, v.projectId), v.id, v.n, v.proposalJson, a, write(a), replayId, actor);
        audit.appendAll(List.of(r.entry()));
        return r.id();
    }

    /** A replay's assessment as added: its id, and the audit entry the caller appends (with its chunk's, at its end). */
    public record Replayed(long id, AuditLog.Pending entry) {
    }

    /**
     * Adds a replay's assessment to a version and moves the dossier's search columns to it, in the caller's
     * transaction; the audit entry is the caller's to append, last.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Replayed addReplayed(Dossier d, long versionId, int n, String proposalJson, Assessment a, StoredAnswer answer,
                                long replayId, String actor) {
        follow(d, a, Instant.now());
        StoredAssessment s = assessment(versionId, d.projectId, n, a, Stored.gzip(answer.json()), answer.judgementSha256(),
                StoredAssessment.REPLAY, replayId);
        return new Replayed(s.id, new AuditLog.Pending(actor, REPLAY, DossierContent.subject(s.id),
                Stored.contentSha256(d.projectId, n, proposalJson, answer.json(), s.kind, replayId)));
    }

    private StoredAssessment assessment(long versionId, String projectId, int n, Assessment a, byte[] answerGzip,
                                        String judgementSha256, String kind, Long replayId) {
        StoredAssessment s = new StoredAssessment();
        s.versionId = versionId;
        s.projectId = projectId;
        s.n = n;
        s.answerGzip = answerGzip;
        s.judgementSha256 = judgementSha256;
        s.rulesetVersion = a.ruleset().version();
        s.rulesetFingerprint = a.ruleset().fingerprint();
        s.verdict = a.verdict().name();
        s.score = a.score();
        s.assessedAt = a.assessedAt();
        s.kind = kind;
        s.replayId = replayId;
        database.em().persist(s);  // inserted at once: its id is the database's
        return s;
    }

    /** The dossier's search columns follow its latest assessment. */
    private static void follow(Dossier d, Assessment a, Instant now) {
        d.projectName = a.projectName();
        d.province = a.province().name();
        d.provinceKey = VietnameseText.fold(a.province().name());
        String text = VietnameseText.fold(a.projectId() + " " + (a.projectName() == null ? "" : a.projectName()));
        d.searchText = text.length() > 2400 ? text.substring(0, 2400) : text;
        d.verdict = a.verdict().name();
        d.score = a.score();
        d.updatedAt = now;
    }

    public DossierVersion version(String projectId, int n) {
        return database.em().createQuery("FROM DossierVersion WHERE projectId = ?1 AND n = ?2", DossierVersion.class)
                .setParameter(1, projectId).setParameter(2, n).getResultStream().findFirst().orElse(null);
    }

    /** The version's latest assessment (its filing's, or a later replay's). */
    public StoredAssessment latest(long versionId) {
        return database.em().createQuery("FROM StoredAssessment WHERE versionId = ?1 ORDER BY id DESC", StoredAssessment.class)
                .setParameter(1, versionId).setMaxResults(1).getSingleResult();
    }

    private StoredAssessment first(long versionId) {
        return database.em().createQuery("FROM StoredAssessment WHERE versionId = ?1 ORDER BY id", StoredAssessment.class)
                .setParameter(1, versionId).setMaxResults(1).getSingleResult();
    }

    @Transactional
    public DossierView dossier(String projectId, int page, int size, Scope scope) {
        Dossier d = find(projectId, scope);
        List<DossierVersion> versions = database.em().createQuery("FROM DossierVersion WHERE projectId = ?1 ORDER BY n DESC", DossierVersion.class)
                .setParameter(1, projectId).setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
        Map<Long, List<AssessmentRow>> rows = rows(versions.stream().map(v -> v.id).toList());
        List<VersionView> items = versions.stream().map(v -> new VersionView(v.n, v.filedAt, v.filedBy, v.proposalSha256,
                rows.getOrDefault(v.id, List.of()))).toList();
        DossierVersion current = version(projectId, d.currentVersion);
        String answer = new String(Stored.gunzip(latest(current.id).answerGzip), StandardCharsets.UTF_8);
        return new DossierView(d.projectId, d.projectName, d.province, d.verdict, d.score, d.currentVersion,
                Decisions.status(database.em(), d.projectId, d.currentVersion), d.createdAt,
                d.updatedAt, new Page<>(page, size, d.currentVersion, items), answer);
    }

    @Transactional
    public VersionDetail versionDetail(String projectId, int n, Scope scope) {
        DossierVersion v = findVersion(projectId, n, scope);
        String answer = new String(Stored.gunzip(first(v.id).answerGzip), StandardCharsets.UTF_8);
        return new VersionDetail(projectId, n, v.filedAt, v.filedBy, v.proposalSha256, v.proposalJson, answer,
                rows(List.of(v.id)).getOrDefault(v.id, List.of()));
    }

    /** Two versions compared as each was filed: the proposals, and the assessments they were first given. */
    @Transactional
    public VersionDiff diff(String projectId, int from, int to, Scope scope) {
        DossierVersion a = findVersion(projectId, from, scope);
        DossierVersion b = findVersion(projectId, to, scope);
        return new VersionDiff(projectId, from, to, Diff.of(read(a.proposalJson), read(b.proposalJson),
                read(Stored.gunzip(first(a.id).answerGzip)), read(Stored.gunzip(first(b.id).answerGzip))));
    }

    @Transactional
    public Page<Summary> search(DossierFilter filter, int page, int size, Scope scope) {
        DossierFilter.Sql where = filter.sql(provinces, 1);
        if (!scope.all()) {
            List<Object> values = new ArrayList<>(where.values());
            values.add(scope.key());
            where = new DossierFilter.Sql(where.where() + " AND province_key = ?" + values.size(), values);
        }
        long total = ((Number) where.bind(database.em().createNativeQuery("SELECT count(*) FROM dossier WHERE " + where.where()), 1)
                .getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Dossier> found = where.bind(database.em().createNativeQuery("SELECT * FROM dossier WHERE " + where.where()
                + " ORDER BY updated_at DESC, project_id", Dossier.class), 1)
                .setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
        List<Summary> items = found.stream()
                .map(d -> new Summary(d.projectId, d.projectName, d.province, d.verdict, d.score, d.currentVersion, d.updatedAt))
                .toList();
        return new Page<>(page, size, total, items);
    }

    static Verdict verdict(String verdict) {
        try {
            return Verdict.valueOf(verdict.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = java.util.Arrays.stream(Verdict.values()).map(Enum::name).collect(Collectors.joining(", "));
            throw Params.invalid("verdict", "giá trị không hợp lệ; chọn một trong: " + allowed,
                    "not a verdict; use one of: " + allowed);
        }
    }

    private Map<Long, List<AssessmentRow>> rows(List<Long> versionIds) {
        if (versionIds.isEmpty()) {
            return Map.of();
        }
        return database.em().createQuery("""
                        SELECT new vn.phendau.dossier.DossierViews$AssessmentRow(a.id, a.versionId, a.kind, a.replayId, a.verdict,
                               a.score, a.rulesetVersion, a.rulesetFingerprint, a.assessedAt)
                        FROM StoredAssessment a WHERE a.versionId IN ?1 ORDER BY a.id""", AssessmentRow.class)
                .setParameter(1, versionIds).getResultStream()
                .collect(Collectors.groupingBy(AssessmentRow::versionId, Collectors.toCollection(ArrayList::new)));
    }

    /** The dossier, when the caller may see it: one of another province is not found, as one that does not exist. */
    public Dossier find(String projectId, Scope scope) {
        Dossier d = database.em().find(Dossier.class, projectId);
        if (d == null || !scope.sees(provinces, d.province)) {
            throw ProblemException.notFound("hồ sơ", "projectId", "không có hồ sơ nào của dự án '" + projectId + "'",
                    "no dossier for project '" + projectId + "'");
        }
        return d;
    }

    private DossierVersion findVersion(String projectId, int n, Scope scope) {
        find(projectId, scope);
        DossierVersion v = version(projectId, n);
        if (v == null) {
            throw ProblemException.notFound("phiên bản", "version", "hồ sơ '" + projectId + "' không có phiên bản " + n,
                    "dossier '" + projectId + "' has no version " + n);
        }
        return v;
    }

    JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode read(byte[] json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(JsonNode tree) {
        try {
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer as it is stored, with its judgement's digest. */
    public StoredAnswer write(Assessment a) {
        return StoredAnswer.write(marking, a);
    }
}
