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

    /** What a replay's diff counts (verdict, score, findings): when these are the same bytes in two answers, none changed. */
    static final List<String> JUDGEMENT = List.of("verdict", "score", "findings");

    /**
     * Where each judgement member's value begins and ends ({start, end}) in an answer as served (UTF-8 JSON), for its
     * digest ({@link StoredAnswer#judgementSha256(byte[])}); fewer than the three when it does not read as an answer.
     * Scanned byte by byte rather than with a JSON parser: skipping the findings token by token was a fifth of a
     * replay's time, and here only brackets and strings need telling apart.
     */
    static Map<String, int[]> judgement(byte[] json) {
        Map<String, int[]> out = new java.util.HashMap<>();
        try {
            int i = space(json, 0);
            if (json[i] != '{') {
                return Map.of();
            }
            i = space(json, i + 1);
            while (json[i] == '"') {
                int nameEnd = stringEnd(json, i);
                String name = new String(json, i + 1, nameEnd - i - 1, java.nio.charset.StandardCharsets.UTF_8);
                i = space(json, nameEnd + 1);
                if (json[i] != ':') {
                    return Map.of();
                }
                int start = space(json, i + 1);
                int end = valueEnd(json, start);
                if (JUDGEMENT.contains(name)) {
                    out.put(name, new int[] {start, end});
                    if (out.size() == JUDGEMENT.size()) {
                        return out;
                    }
                }
                i = space(json, end);
                if (json[i] == ',') {
                    i = space(json, i + 1);
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            return Map.of();  // cut short: not an answer as served
        }
        return out;
    }

    private static int space(byte[] json, int i) {
        while (json[i] == ' ' || json[i] == '\n' || json[i] == '\r' || json[i] == '\t') {
            i++;
        }
        return i;
    }

    /** The index of the quote that closes the string opened at {@code i}. */
    private static int stringEnd(byte[] json, int i) {
        int j = i + 1;
        while (json[j] != '"') {
            j += json[j] == '\\' ? 2 : 1;
        }
        return j;
    }

    /** The index just past the value that starts at {@code i}. */
    private static int valueEnd(byte[] json, int i) {
        byte b = json[i];
        if (b == '"') {
            return stringEnd(json, i) + 1;
        }
        if (b != '{' && b != '[') {
            int j = i;
            while (json[j] != ',' && json[j] != '}' && json[j] != ']' && json[j] != ' ' && json[j] != '\n'
                    && json[j] != '\r' && json[j] != '\t') {
                j++;
            }
            return j;
        }
        int depth = 0;
        int j = i;
        do {
            byte c = json[j];
            if (c == '"') {
                j = stringEnd(json, j);
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
            j++;
        } while (depth > 0);
        return j;
    }

    /**
     * Of a stored answer, only what {@link #of} compares (verdict, score, ruleset, findings), read without building
     * the rest (the checklist, the path to compliance): a replay diffs every dossier it replays.
     */
    public static JsonNode outline(com.fasterxml.jackson.databind.ObjectMapper mapper, byte[] answer) {
        com.fasterxml.jackson.databind.node.ObjectNode out = mapper.createObjectNode();
        try (com.fasterxml.jackson.core.JsonParser p = mapper.createParser(answer)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return out;
            }
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("verdict") || name.equals("score") || name.equals("ruleset") || name.equals("findings")) {
                    out.set(name, mapper.readTree(p));
                } else {
                    p.skipChildren();
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
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
