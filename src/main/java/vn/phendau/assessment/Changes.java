package vn.phendau.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.phendau.common.Json;
import vn.phendau.proposal.ProjectProposal;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a remedy's change to a proposal's JSON: "planning.inProvincialPlan", "investment.sources[*].secured"
 * (every element), "investment.sources[-]" (append). Objects on the way are created when absent.
 */
final class Changes {

    private static final Pattern STEP = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+|\\*|-)])?");
    private static final RecordComponent[] FIELDS = ProjectProposal.class.getRecordComponents();
    private static final Constructor<ProjectProposal> CANONICAL = canonical();

    private Changes() {
    }

    /**
     * The proposal with the changes made, as if its whole JSON were changed and read back, but only the top-level
     * fields the changes touch ("planning", "investment") go through JSON; the others are kept as they are.
     */
    static ProjectProposal apply(ProjectProposal proposal, List<Finding.Change> changes) {
        Object[] values = new Object[FIELDS.length];
        Map<Integer, ObjectNode> touched = new LinkedHashMap<>();
        try {
            for (int i = 0; i < FIELDS.length; i++) {
                values[i] = FIELDS[i].getAccessor().invoke(proposal);
            }
            for (Finding.Change c : changes) {
                int i = field(c.path());
                ObjectNode holder = touched.computeIfAbsent(i, k -> {
                    // The field as it sits in the proposal's JSON: absent when null (Json.MAPPER leaves nulls out).
                    ObjectNode h = Json.MAPPER.createObjectNode();
                    if (values[k] != null) {
                        h.set(FIELDS[k].getName(), Json.MAPPER.valueToTree(values[k]));
                    }
                    return h;
                });
                apply(holder, c.path(), c.value());
            }
            touched.forEach((i, holder) -> values[i] = Json.MAPPER.convertValue(holder.get(FIELDS[i].getName()),
                    Json.MAPPER.getTypeFactory().constructType(FIELDS[i].getGenericType())));
            return CANONICAL.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int field(String path) {
        Matcher m = STEP.matcher(path.split("\\.", 2)[0]);
        if (m.matches()) {
            for (int i = 0; i < FIELDS.length; i++) {
                if (FIELDS[i].getName().equals(m.group(1))) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("a change of no field of the proposal: " + path);
    }

    private static Constructor<ProjectProposal> canonical() {
        try {
            return ProjectProposal.class.getDeclaredConstructor(
                    Arrays.stream(FIELDS).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    static void apply(ObjectNode doc, String path, JsonNode value) {
        set(doc, path.split("\\."), 0, value);
    }

    private static void set(ObjectNode node, String[] steps, int i, JsonNode value) {
        Matcher m = STEP.matcher(steps[i]);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad change path step " + steps[i]);
        }
        String field = m.group(1);
        String index = m.group(2);
        boolean last = i == steps.length - 1;
        if (index == null) {
            if (last) {
                node.set(field, value);
            } else {
                JsonNode child = node.get(field);
                set(child instanceof ObjectNode o ? o : node.putObject(field), steps, i + 1, value);
            }
            return;
        }
        ArrayNode array = node.get(field) instanceof ArrayNode a ? a : node.putArray(field);
        if (index.equals("-")) {
            if (last) {
                array.add(value);
            } else {
                set(array.addObject(), steps, i + 1, value);
            }
        } else if (index.equals("*")) {
            for (JsonNode element : array) {
                if (element instanceof ObjectNode o && !last) {
                    set(o, steps, i + 1, value);
                }
            }
        } else {
            int n = Integer.parseInt(index);
            if (last) {
                array.set(n, value);
            } else if (array.get(n) instanceof ObjectNode o) {
                set(o, steps, i + 1, value);
            }
        }
    }
}
