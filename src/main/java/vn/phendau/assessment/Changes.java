package vn.phendau.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import vn.phendau.common.Json;
import vn.phendau.proposal.ProjectProposal;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a remedy's change to a proposal: "planning.inProvincialPlan", "investment.sources[*].secured" (every
 * element), "investment.sources[-]" (append). Objects on the way are created when absent. The change of the
 * proposal's JSON is the definition; the change of the record must give what reading that JSON back gives.
 */
final class Changes {

    static final Pattern STEP = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+|\\*|-)])?");

    private Changes() {
    }

    /**
     * The proposal with the changes made, as if its whole JSON were changed and read back. The records along each
     * path are rebuilt with the one field changed, and only the new value goes through JSON (to the field's type):
     * turning the touched parts of the proposal into JSON and back was most of a round of the path to compliance.
     * PathToComplianceTest checks that the result is what changing the JSON (the test's {@code JsonChanges},
     * a change said on the JSON) and reading it back gives.
     */
    static ProjectProposal apply(ProjectProposal proposal, List<Finding.Change> changes) {
        Object changed = proposal;
        for (Finding.Change c : changes) {
            changed = set(changed, ProjectProposal.class, c.path().split("\\."), 0, c.value());
        }
        return (ProjectProposal) changed;
    }

    /** The record with the field at steps[i..] set; a record that is absent (null) is made, every other field unknown. */
    private static Object set(Object record, Class<?> type, String[] steps, int i, JsonNode value) {
        Matcher m = STEP.matcher(steps[i]);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad change path step " + steps[i]);
        }
        RecordShape shape = SHAPES.get(type);
        int k = shape.index(m.group(1));
        Object[] values = shape.values(record);
        String index = m.group(2);
        boolean last = i == steps.length - 1;
        RecordComponent field = shape.fields()[k];
        if (index == null) {
            values[k] = last ? convert(value, field.getGenericType()) : set(values[k], field.getType(), steps, i + 1, value);
            return shape.make(values);
        }
        // A list: made when absent, as the JSON change makes an empty array.
        Type elementType = ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0];
        List<Object> list = values[k] == null ? new ArrayList<>() : new ArrayList<>((List<?>) values[k]);
        if (index.equals("-")) {
            list.add(last ? convert(value, elementType) : set(null, (Class<?>) elementType, steps, i + 1, value));
        } else if (index.equals("*")) {
            for (int j = 0; j < list.size() && !last; j++) {
                if (list.get(j) != null) {
                    list.set(j, set(list.get(j), (Class<?>) elementType, steps, i + 1, value));
                }
            }
        } else {
            int n = Integer.parseInt(index);
            if (last) {
                list.set(n, convert(value, elementType));
            } else if (list.get(n) != null) {
                list.set(n, set(list.get(n), (Class<?>) elementType, steps, i + 1, value));
            }
        }
        values[k] = list;
        return shape.make(values);
    }

    private static Object convert(JsonNode value, Type type) {
        return Json.MAPPER.convertValue(value, Json.MAPPER.getTypeFactory().constructType(type));
    }

    /** A record class's fields and canonical constructor, looked up once. */
    private record RecordShape(RecordComponent[] fields, Constructor<?> canonical) {

        static RecordShape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException("a change path through " + type.getSimpleName() + ", which is not a record");
            }
            RecordComponent[] fields = type.getRecordComponents();
            try {
                return new RecordShape(fields, type.getDeclaredConstructor(
                        Arrays.stream(fields).map(RecordComponent::getType).toArray(Class<?>[]::new)));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }

        int index(String name) {
            for (int i = 0; i < fields.length; i++) {
                if (fields[i].getName().equals(name)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("a change of no field: " + name);
        }

        Object[] values(Object record) {
            Object[] values = new Object[fields.length];
            if (record != null) {
                try {
                    for (int i = 0; i < fields.length; i++) {
                        values[i] = fields[i].getAccessor().invoke(record);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return values;
        }

        Object make(Object[] values) {
            try {
                return canonical.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return RecordShape.of(type);
        }
    };
}
