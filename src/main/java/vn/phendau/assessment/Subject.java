package vn.phendau.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.phendau.common.Json;
import vn.phendau.proposal.ProjectProposal;
import vn.phendau.rules.Project;

/**
 * The values a finding can name: the proposal's own fields by JSON path ("planning.inProvincialPlan",
 * "investment.sources[*].secured"), the fact's derived values by name ("durationYears"), and a few facts of
 * the assessment itself ("province", "law").
 */
final class Subject {

    private static final Map<String, Method> ACCESSORS = new ConcurrentHashMap<>();

    private final ProjectProposal proposal;
    private final JsonNode source;
    private Map<String, JsonNode> fields;
    private final Project fact;
    private final Map<String, Object> context;

    /** @param source the proposal's JSON as it was read, when at hand; else it is made from the record when needed. */
    Subject(ProjectProposal proposal, JsonNode source, Project fact, Map<String, Object> context) {
        this.proposal = proposal;
        this.source = source;
        this.fact = fact;
        this.context = context;
    }

    /** The proposal by path, flattened on first use: a remedy that reads only the fact never pays for it. */
    private Map<String, JsonNode> fields() {
        if (fields == null) {
            fields = new LinkedHashMap<>();
            flatten("", source != null ? source : Json.MAPPER.valueToTree(proposal));
        }
        return fields;
    }

    private void flatten(String path, JsonNode node) {
        if (!path.isEmpty()) {
            fields.put(path, node);
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i));
            }
        }
    }

    /** The paths a pattern names: itself, or with [*] one path per element (the array's own path if it has none). */
    List<String> expand(String pattern) {
        int star = pattern.indexOf("[*]");
        if (star < 0) {
            return List.of(pattern);
        }
        String array = pattern.substring(0, star);
        JsonNode node = fields().get(array);
        if (node == null || !node.isArray() || node.isEmpty()) {
            return List.of(array);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.addAll(expand(array + "[" + i + "]" + pattern.substring(star + 3)));
        }
        return out;
    }

    /** An input field is missing when absent, null, an empty list or blank text. */
    boolean isMissing(String path) {
        JsonNode n = fields().get(path);
        return n == null || n.isNull() || (n.isContainerNode() && n.isEmpty()) || (n.isTextual() && n.asText().isBlank());
    }

    /** The proposal's own top-level fields; any other bare name is a value derived on the fact. */
    private static final java.util.Set<String> INPUT_FIELDS = java.util.Arrays.stream(ProjectProposal.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName).collect(java.util.stream.Collectors.toUnmodifiableSet());

    static boolean isInputPath(String key) {
        return key.contains(".") || key.contains("[") || INPUT_FIELDS.contains(key);
    }

    Object value(String key) {
        if (context.containsKey(key)) {
            return context.get(key);
        }
        if (isInputPath(key)) {
            JsonNode n = fields().get(key);
            return n == null || n.isNull() ? null : n;
        }
        Method m = ACCESSORS.computeIfAbsent(key, k -> {
            try {
                return Project.class.getMethod(k);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException("no value named " + k + " for a rule text");
            }
        });
        try {
            return m.invoke(fact);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
