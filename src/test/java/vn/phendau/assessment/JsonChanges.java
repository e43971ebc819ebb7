package vn.phendau.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;

/**
 * What a change means, said on the proposal's JSON: the definition {@link Changes#apply(vn.phendau.proposal.ProjectProposal,
 * java.util.List)} must agree with, though it changes the record without any JSON.
 */
final class JsonChanges {

    private JsonChanges() {
    }

    static void apply(ObjectNode doc, String path, JsonNode value) {
        set(doc, path.split("\\."), 0, value);
    }

    private static void set(ObjectNode node, String[] steps, int i, JsonNode value) {
        Matcher m = Changes.STEP.matcher(steps[i]);
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
