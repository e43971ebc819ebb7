package vn.phendau.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
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

    /**
     * How each value a rule names is found, worked out on its first look-up: a path's names split, a fact's accessor
     * found. As many as the rules name, no more: a path with an index (made per proposal) is not kept.
     */
    private static final Map<String, Lookup> LOOKUPS = new ConcurrentHashMap<>();

    private interface Lookup {
        Object in(Subject subject);
    }

    /**
     * How the name of each value slot is found, for the subjects of one service (its explainer numbers the slots):
     * worked out on a slot's first look-up, then read from an array. Every subject's context has the same names
     * (AssessmentService.context puts the same ones each time), so whether a name is one of them is decided once.
     */
    static final class Lookups {
        private volatile Lookup[] bySlot = new Lookup[0];

        Lookup get(int slot, String name, Map<String, Object> context) {
            Lookup[] known = bySlot;
            Lookup l = slot < known.length ? known[slot] : null;
            if (l != null) {
                return l;
            }
            l = context.containsKey(name) ? s -> s.context.get(name)
                    : name.indexOf('[') >= 0 ? s -> {
                        JsonNode n = s.at(name);
                        return n == null || n.isNull() ? null : n;
                    }
                    : lookup(name);
            synchronized (this) {
                Lookup[] grown = java.util.Arrays.copyOf(bySlot, Math.max(bySlot.length, slot + 1));
                grown[slot] = l;
                bySlot = grown;
            }
            return l;
        }
    }

    private final Lookups lookups;

    private final ProjectProposal proposal;
    private JsonNode source;
    private final Project fact;
    private final Map<String, Object> context;

    /** @param source the proposal's JSON as it was read, when at hand; else it is made from the record when needed. */
    Subject(ProjectProposal proposal, JsonNode source, Project fact, Map<String, Object> context, Lookups lookups) {
        this.lookups = lookups;
        this.proposal = proposal;
        this.source = source;
        this.fact = fact;
        this.context = context;
    }

    ProjectProposal proposal() {
        return proposal;
    }

    /** The proposal as JSON, made on first use: a remedy that reads only the fact never pays for it. */
    private JsonNode source() {
        if (source == null) {
            source = Json.MAPPER.valueToTree(proposal);
        }
        return source;
    }

    /**
     * The node at a path ("investment.sources[0].secured"), or null when there is none. Walked on the tree for
     * each look-up: a finding reads a few fields, far fewer than the proposal has.
     */
    private JsonNode at(String path) {
        JsonNode node = source();
        int i = 0;
        int length = path.length();
        while (node != null && i < length) {
            if (path.charAt(i) == '[') {
                int close = path.indexOf(']', i);
                int index = close < 0 ? -1 : index(path, i + 1, close);
                if (index < 0 || !node.isArray()) {
                    return null;
                }
                node = node.get(index);
                i = close + 1;
            } else {
                // A name starts the path, or follows a dot: "a.b", "a[0].b"; "a[0]b" names nothing.
                if (i > 0 && path.charAt(i) != '.') {
                    return null;
                }
                int start = i > 0 ? i + 1 : 0;
                int end = start;
                while (end < length && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                if (end == start || !node.isObject()) {
                    return null;
                }
                node = node.get(path.substring(start, end));
                i = end;
            }
        }
        return node;
    }

    /** An array index as a path writes it: digits, no leading zero; else -1 (no element has that path). */
    private static int index(String path, int from, int to) {
        if (from == to || to - from > 9 || (path.charAt(from) == '0' && to - from > 1)) {
            return -1;
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = path.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** The paths a pattern names: itself, or with [*] one path per element (the array's own path if it has none). */
    List<String> expand(String pattern) {
        int star = pattern.indexOf("[*]");
        if (star < 0) {
            return List.of(pattern);
        }
        String array = pattern.substring(0, star);
        JsonNode node = at(array);
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
        JsonNode n = at(path);
        return n == null || n.isNull() || (n.isContainerNode() && n.isEmpty()) || (n.isTextual() && n.asText().isBlank());
    }

    /** The proposal's own top-level fields; any other bare name is a value derived on the fact. */
    private static final java.util.Set<String> INPUT_FIELDS = java.util.Arrays.stream(ProjectProposal.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName).collect(java.util.stream.Collectors.toUnmodifiableSet());

    static boolean isInputPath(String key) {
        return key.contains(".") || key.contains("[") || INPUT_FIELDS.contains(key);
    }

    /** The node at a path without an index, by its names split once (their hashes kept), or null. */
    private JsonNode at(String[] names, int field) {
        JsonNode node;
        int from;
        if (field >= 0) {
            node = field(field, names[0]);
            from = 1;
        } else {
            node = source();
            from = 0;
        }
        for (int i = from; i < names.length; i++) {
            String name = names[i];
            if (node == null || name.isEmpty() || !node.isObject()) {
                return null;
            }
            node = node.get(name);
        }
        return node;
    }

    /**
     * The proposal's top-level fields' nodes, by their place among the record's components, as they are first read:
     * the values a rule names are mostly a few fields of the same few objects ("planning.…", "location.…").
     */
    private JsonNode[] fields;

    private static final JsonNode ABSENT = com.fasterxml.jackson.databind.node.MissingNode.getInstance();

    private JsonNode field(int field, String name) {
        if (fields == null) {
            fields = new JsonNode[FIELD_NAMES.size()];
        }
        JsonNode node = fields[field];
        if (node == null) {
            JsonNode root = source();
            node = root != null && root.isObject() ? root.get(name) : null;
            fields[field] = node == null ? ABSENT : node;
            return node;
        }
        return node == ABSENT ? null : node;
    }

    private static final List<String> FIELD_NAMES = java.util.Arrays.stream(ProjectProposal.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName).toList();

    /** Whether a value as {@link #value} gives it for an input path is missing, as {@link #isMissing(String)} says. */
    static boolean isMissing(Object value) {
        return value == null || (value instanceof JsonNode n && (n.isNull() || (n.isContainerNode() && n.isEmpty())
                || (n.isTextual() && n.asText().isBlank())));
    }

    /** The value named, looked up anew: {@link Explainer.Values} keeps what an assessment has looked up. */
    Object value(String key) {
        Object v = context.get(key);
        if (v != null || context.containsKey(key)) {
            return v;
        }
        if (key.indexOf('[') >= 0) {
            JsonNode n = at(key);
            return n == null || n.isNull() ? null : n;
        }
        return LOOKUPS.computeIfAbsent(key, Subject::lookup).in(this);
    }

    /** The value of a name by its slot: as {@link #value(String)} gives it. */
    Object value(int slot, String name) {
        return lookups.get(slot, name, context).in(this);
    }

    private static Lookup lookup(String key) {
        if (isInputPath(key)) {
            // Interned as the JSON tree's names are (Jackson interns them): a look-up's key then matches by identity.
            String[] names = java.util.Arrays.stream(key.split("\\.", -1)).map(String::intern).toArray(String[]::new);
            int field = FIELD_NAMES.indexOf(names[0]);
            return s -> {
                JsonNode n = s.at(names, field);
                return n == null || n.isNull() ? null : n;
            };
        }
        Method m;
        try {
            m = Project.class.getMethod(key);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("no value named " + key + " for a rule text");
        }
        // Public anyway: this only skips the access check at each call (its slow path showed in profiles).
        m.setAccessible(true);
        return s -> {
            try {
                return m.invoke(s.fact);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
