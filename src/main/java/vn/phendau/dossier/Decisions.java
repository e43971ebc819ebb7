package vn.phendau.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.phendau.audit.AuditContent;
import vn.phendau.audit.AuditLog;
import vn.phendau.audit.Hashes;
import vn.phendau.common.Text;
import vn.phendau.common.VietnameseText;
import vn.phendau.problem.Problem;
import vn.phendau.problem.ProblemException;
import vn.phendau.security.Scope;

/**
 * Reviewers' decisions on a dossier's current version, each with a written reason, and the findings it overrides:
 * a REVIEW finding accepted as satisfied, or a finding marked wrong, each with its reason and the document it relies
 * on. An override never changes the rules' answer: it is kept and shown beside it. A decision and each of its
 * overrides are entries of the audit chain, whose content the verifier recomputes from these rows.
 */
@ApplicationScoped
public class Decisions implements AuditContent {

    public static final String DECISION = "DECISION";
    public static final String OVERRIDE = "OVERRIDE";
    static final int MIN_REASON = 20;
    static final int MAX_REASON = 4000;
    static final int MAX_DOCUMENT = 1000;
    static final int MAX_OVERRIDES = 200;

    public enum Outcome { APPROVE, RETURN_FOR_INFORMATION, REJECT }

    public enum Kind { ACCEPTED, WRONG }

    /** What the rules said of the overridden finding, shown beside the override. */
    public record RulesSaid(String outcome, String severity) {
    }

    public record OverrideView(String ruleId, Kind kind, String reason, String document, RulesSaid rulesSaid) {
    }

    public record DecisionView(long id, int version, long assessmentId, Outcome outcome, String reason, String decidedBy,
                               Instant decidedAt, List<OverrideView> overrides) {
    }

    /** Where a dossier stands: awaiting a decision, decided on its current version, or reopened by a later version. */
    public record Status(String code, Outcome outcome, int overrides, Long decisionId, Text text) {
    }

    private final vn.phendau.common.Database database;
    private final DossierService dossiers;
    private final AuditLog audit;

    public Decisions(vn.phendau.common.Database database, DossierService dossiers, AuditLog audit) {
        this.database = database;
        this.dossiers = dossiers;
        this.audit = audit;
    }

    @Transactional
    public DecisionView decide(String projectId, JsonNode body, String by, Scope scope) {
        Dossier d = dossiers.find(projectId, scope);
        DossierVersion v = dossiers.version(projectId, d.currentVersion);
        StoredAssessment current = dossiers.latest(v.id);
        Map<String, RulesSaid> findings = findings(dossiers.read(Stored.gunzip(current.answerGzip)));
        List<Problem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid(List.of(Problem.at("$", "hãy gửi một đối tượng JSON {outcome, reason, overrides}",
                    "send a JSON object {outcome, reason, overrides}")));
        }
        Outcome outcome = enumAt(body, "outcome", Outcome.class, "$.outcome", problems);
        String reason = reason(body.get("reason"), "$.reason", problems);
        List<OverrideView> overrides = new ArrayList<>();
        JsonNode list = body.get("overrides");
        if (list != null && !list.isNull() && !list.isArray()) {
            problems.add(Problem.at("$.overrides", "phải là một danh sách", "must be a list"));
        } else if (list != null && list.size() > MAX_OVERRIDES) {
            problems.add(Problem.at("$.overrides", "tối đa " + MAX_OVERRIDES + " ý kiến", "at most " + MAX_OVERRIDES + " overrides"));
        } else if (list != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String at = "$.overrides[" + i + "]";
                JsonNode o = list.get(i);
                if (!o.isObject()) {
                    problems.add(Problem.at(at, "phải là một đối tượng {ruleId, kind, reason, document}",
                            "must be an object {ruleId, kind, reason, document}"));
                    continue;
                }
                String ruleId = o.path("ruleId").isTextual() ? o.get("ruleId").asText().strip() : null;
                RulesSaid said = ruleId == null ? null : findings.get(ruleId);
                if (said == null) {
                    problems.add(Problem.at(at + ".ruleId", "không phải một phát hiện của lần đánh giá hiện hành",
                            "not a finding of the current assessment"));
                } else if (!seen.add(ruleId)) {
                    problems.add(Problem.at(at + ".ruleId", "phát hiện này đã có ý kiến ở trên", "this finding is already overridden above"));
                }
                Kind kind = enumAt(o, "kind", Kind.class, at + ".kind", problems);
                if (kind == Kind.ACCEPTED && said != null && !"REVIEW".equals(said.severity())) {
                    problems.add(Problem.at(at + ".kind", "chỉ chấp nhận được một phát hiện cần xem xét (REVIEW)",
                            "only a REVIEW finding can be accepted as satisfied"));
                }
                String why = reason(o.get("reason"), at + ".reason", problems);
                String document = text(o.get("document"), at + ".document", 1, MAX_DOCUMENT, problems,
                        "tên và số hiệu văn bản làm căn cứ", "the name and number of the document relied on");
                overrides.add(new OverrideView(ruleId, kind, why, document, said));
            }
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(400, "invalid-decision", "Quyết định không hợp lệ", "Invalid decision", problems);
        }
        Decision decision = new Decision();
        decision.projectId = projectId;
        decision.n = v.n;
        decision.assessmentId = current.id;
        decision.outcome = outcome.name();
        decision.reason = reason;
        decision.decidedBy = by;
        decision.decidedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        database.em().persist(decision);
        database.em().flush();
        for (int i = 0; i < overrides.size(); i++) {
            OverrideView o = overrides.get(i);
            database.em().createNativeQuery("INSERT INTO decision_override (decision_id, position, rule_id, kind, reason, document) "
                            + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, decision.id).setParameter(2, i).setParameter(3, o.ruleId()).setParameter(4, o.kind().name())
                    .setParameter(5, o.reason()).setParameter(6, o.document()).executeUpdate();
        }
        audit.append(by, DECISION, "decision:" + decision.id, decisionContent(decision.projectId, decision.n, decision.assessmentId,
                decision.outcome, decision.reason, decision.decidedBy, overrides.size()));
        for (int i = 0; i < overrides.size(); i++) {
            OverrideView o = overrides.get(i);
            audit.append(by, OVERRIDE, "override:" + decision.id + ":" + i,
                    overrideContent(decision.id, i, o.ruleId(), o.kind().name(), o.reason(), o.document()));
        }
        return new DecisionView(decision.id, decision.n, decision.assessmentId, outcome, reason, by, decision.decidedAt, overrides);
    }

    /** The dossier's decisions, newest first. */
    @Transactional
    public List<DecisionView> list(String projectId, Scope scope) {
        dossiers.find(projectId, scope);
        return decisions(projectId);
    }

    List<DecisionView> decisions(String projectId) {
        List<Decision> found = database.em().createQuery("FROM Decision WHERE projectId = ?1 ORDER BY id DESC", Decision.class)
                .setParameter(1, projectId).getResultList();
        List<DecisionView> out = new ArrayList<>();
        Map<Long, Map<String, RulesSaid>> saidBy = new HashMap<>();
        for (Decision d : found) {
            Map<String, RulesSaid> said = saidBy.computeIfAbsent(d.assessmentId, id -> {
                StoredAssessment s = database.em().find(StoredAssessment.class, id);
                return s == null ? Map.of() : findings(dossiers.read(Stored.gunzip(s.answerGzip)));
            });
            @SuppressWarnings("unchecked")
            List<Object[]> rows = database.em().createNativeQuery("SELECT rule_id, kind, reason, document FROM decision_override "
                    + "WHERE decision_id = ?1 ORDER BY position").setParameter(1, d.id).getResultList();
            List<OverrideView> overrides = rows.stream().map(r -> new OverrideView((String) r[0], Kind.valueOf(((String) r[1]).trim()),
                    (String) r[2], (String) r[3], said.get((String) r[0]))).toList();
            out.add(new DecisionView(d.id, d.n, d.assessmentId, Outcome.valueOf(d.outcome), d.reason, d.decidedBy, d.decidedAt,
                    overrides));
        }
        return out;
    }

    /** The dossier's status, from its latest decision and its current version. */
    public static Status status(EntityManager session, String projectId, int currentVersion) {
        List<Decision> latest = session.createQuery("FROM Decision WHERE projectId = ?1 ORDER BY id DESC", Decision.class)
                .setParameter(1, projectId).setMaxResults(1).getResultList();
        if (latest.isEmpty()) {
            return new Status("AWAITING_DECISION", null, 0, null, Text.of("chờ quyết định", "awaiting a decision"));
        }
        Decision d = latest.get(0);
        Outcome outcome = Outcome.valueOf(d.outcome);
        int overrides = ((Number) session.createNativeQuery("SELECT count(*) FROM decision_override WHERE decision_id = ?1")
                .setParameter(1, d.id).getSingleResult()).intValue();
        if (d.n != currentVersion) {
            return new Status("REOPENED", outcome, overrides, d.id, Text.of(
                    "mở lại: có phiên bản " + currentVersion + " sau quyết định về phiên bản " + d.n,
                    "reopened: version " + currentVersion + " was filed after the decision on version " + d.n));
        }
        String code = switch (outcome) {
            case APPROVE -> "APPROVED";
            case RETURN_FOR_INFORMATION -> "RETURNED_FOR_INFORMATION";
            case REJECT -> "REJECTED";
        };
        String vi = switch (outcome) {
            case APPROVE -> "đã duyệt";
            case RETURN_FOR_INFORMATION -> "đã trả lại để bổ sung thông tin";
            case REJECT -> "đã từ chối";
        };
        String en = switch (outcome) {
            case APPROVE -> "approved";
            case RETURN_FOR_INFORMATION -> "returned for more information";
            case REJECT -> "rejected";
        };
        if (overrides > 0) {
            vi += ", " + overrides + " ý kiến khác với quy tắc";
            en += " with " + overrides + (overrides == 1 ? " override" : " overrides");
        }
        return new Status(code, outcome, overrides, d.id, Text.of(vi, en));
    }

    private static Map<String, RulesSaid> findings(JsonNode answer) {
        Map<String, RulesSaid> out = new HashMap<>();
        for (JsonNode f : answer.path("findings")) {
            out.put(f.path("ruleId").asText(), new RulesSaid(f.path("outcome").asText(null), f.path("severity").asText(null)));
        }
        return out;
    }

    private static <E extends Enum<E>> E enumAt(JsonNode node, String field, Class<E> type, String path, List<Problem> problems) {
        String allowed = String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        JsonNode v = node.get(field);
        if (v != null && v.isTextual()) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(v.asText().strip())) {
                    return e;
                }
            }
        }
        problems.add(Problem.at(path, (v == null || v.isNull() ? "bắt buộc; " : "giá trị không hợp lệ; ") + "chọn một trong: " + allowed + ".",
                (v == null || v.isNull() ? "required; " : "not a valid value; ") + "use one of: " + allowed + "."));
        return null;
    }

    private static String reason(JsonNode v, String path, List<Problem> problems) {
        return text(v, path, MIN_REASON, MAX_REASON, problems, "lý do viết thành lời", "a written reason");
    }

    private static String text(JsonNode v, String path, int min, int max, List<Problem> problems, String whatVi, String whatEn) {
        String t = v != null && v.isTextual() ? VietnameseText.nfc(v.asText().strip()) : null;
        int length = t == null ? 0 : t.codePointCount(0, t.length());
        if (t == null || length < min || length > max) {
            problems.add(Problem.at(path, "bắt buộc: " + whatVi + ", từ " + min + " đến " + max + " ký tự",
                    "required: " + whatEn + ", " + min + " to " + max + " characters"));
            return null;
        }
        return t;
    }

    static String decisionContent(String projectId, int n, long assessmentId, String outcome, String reason, String by, int overrides) {
        return Hashes.sha256(projectId + "\n" + n + "\n" + assessmentId + "\n" + outcome.trim() + "\n" + Hashes.sha256(reason) + "\n"
                + by + "\n" + overrides);
    }

    static String overrideContent(long decisionId, int position, String ruleId, String kind, String reason, String document) {
        return Hashes.sha256(decisionId + "\n" + position + "\n" + ruleId + "\n" + kind.trim() + "\n" + Hashes.sha256(reason) + "\n"
                + Hashes.sha256(document.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public boolean recognises(String subject) {
        return subject.startsWith("decision:") || subject.startsWith("override:");
    }

    @Override
    public Optional<String> contentSha256(Connection db, String subject) throws SQLException {
        try {
            if (subject.startsWith("decision:")) {
                long id = Long.parseLong(subject.substring("decision:".length()));
                try (PreparedStatement q = db.prepareStatement("SELECT project_id, n, assessment_id, outcome, reason, decided_by, "
                        + "(SELECT count(*) FROM decision_override o WHERE o.decision_id = d.id) FROM decision d WHERE d.id = ?")) {
                    q.setLong(1, id);
                    try (ResultSet r = q.executeQuery()) {
                        return r.next() ? Optional.of(decisionContent(r.getString(1), r.getInt(2), r.getLong(3), r.getString(4),
                                r.getString(5), r.getString(6), r.getInt(7))) : Optional.empty();
                    }
                }
            }
            String[] parts = subject.split(":");
            long id = Long.parseLong(parts[1]);
            int position = Integer.parseInt(parts[2]);
            try (PreparedStatement q = db.prepareStatement(
                    "SELECT rule_id, kind, reason, document FROM decision_override WHERE decision_id = ? AND position = ?")) {
                q.setLong(1, id);
                q.setInt(2, position);
                try (ResultSet r = q.executeQuery()) {
                    return r.next() ? Optional.of(overrideContent(id, position, r.getString(1), r.getString(2), r.getString(3),
                            r.getString(4))) : Optional.empty();
                }
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
