package vn.phendau.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What changed between two stored assessments (and, for two versions, their proposals): the proposal's fields by
 * path, the findings by rule id, the verdict and score, and the ruleset each was judged by.
 */
public record Diff(List<FieldChange> proposal, Findings findings, Change verdict, Change score, Change ruleset) {

    /** A field of the proposal, by JSON path; a side where it is absent is null. */
    public record FieldChange(String path, JsonNode before, JsonNode after) {
    }

    public record Findings(List<FindingView> added, List<FindingView> removed, List<FindingChange> changed) {
    }

    public record FindingView(String ruleId, String outcome, String severity, int points) {
    }

    /** A rule that fired both times with another outcome, severity, points or evidence. */
    public record FindingChange(String ruleId, FindingView before, FindingView after, boolean evidenceChanged) {
    }

    public record Change(JsonNode before, JsonNode after, boolean changed) {
        static Change of(JsonNode before, JsonNode after) {
            return new Change(before, after, !Objects.equals(before, after));
        }
    }

    /** @param proposalBefore null when only the assessments are compared (a replay of one version) */
    public static Diff of(JsonNode proposalBefore, JsonNode proposalAfter, JsonNode before, JsonNode after) {
        List<FieldChange> fields = proposalBefore == null ? List.of() : fields(proposalBefore, proposalAfter);
        return new Diff(fields, findings(before.path("findings"), after.path("findings")),
                Change.of(before.path("verdict"), after.path("verdict")), Change.of(before.path("score"), after.path("score")),
                Change.of(before.path("ruleset"), after.path("ruleset")));
    }

    public boolean findingsChanged() {
        return !findings.added().isEmpty() || !findings.removed().isEmpty() || !findings.changed().isEmpty();
    }

    static List<FieldChange> fields(JsonNode before, JsonNode after) {
        Map<String, JsonNode> a = new LinkedHashMap<>();
        Map<String, JsonNode> b = new LinkedHashMap<>();
        flatten("", before, a);
        flatten("", after, b);
        TreeSet<String> paths = new TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String path : paths) {
            JsonNode x = a.get(path);
            JsonNode y = b.get(path);
            if (!Objects.equals(x, y)) {
                changes.add(new FieldChange(path, x, y));
            }
        }
        return changes;
    }

    /** Leaves by path (objects by field, arrays by index), as the problems and remedies name them. */
    private static void flatten(String path, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject() && !node.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), out);
            }
        } else if (!(node instanceof NullNode) || !path.isEmpty()) {
            out.put(path, node);
        }
    }

    private static Findings findings(JsonNode before, JsonNode after) {
        Map<String, JsonNode> a = byRule(before);
        Map<String, JsonNode> b = byRule(after);
        List<FindingView> added = new ArrayList<>();
        List<FindingView> removed = new ArrayList<>();
        List<FindingChange> changed = new ArrayList<>();
        a.forEach((id, f) -> {
            JsonNode g = b.get(id);
            if (g == null) {
                removed.add(view(f));
            } else {
                FindingView x = view(f);
                FindingView y = view(g);
                boolean evidence = !Objects.equals(f.path("evidence"), g.path("evidence"));
                if (!x.equals(y) || evidence) {
                    changed.add(new FindingChange(id, x, y, evidence));
                }
            }
        });
        b.forEach((id, g) -> {
            if (!a.containsKey(id)) {
                added.add(view(g));
            }
        });
        return new Findings(added, removed, changed);
    }

    private static Map<String, JsonNode> byRule(JsonNode findings) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        findings.forEach(f -> m.put(f.path("ruleId").asText(), f));
        return m;
    }

    private static FindingView view(JsonNode f) {
        return new FindingView(f.path("ruleId").asText(), f.path("outcome").asText(), f.path("severity").asText(),
                f.path("points").asInt());
    }
}
