package vn.phendau.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import vn.phendau.common.Json;
import vn.phendau.proposal.ProjectProposal;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
            changed = set(changed, ProjectProposal.class, PATHS.computeIfAbsent(c.path(), Changes::steps), 0, c.value());
        }
        return (ProjectProposal) changed;
    }

    /**
     * Whether the change changes the proposal: {@code !apply(proposal, List.of(change)).equals(proposal)}, without
     * rebuilding and comparing the whole proposal. The records down to the one the change rebuilds are only read:
     * a record rebuilt with an equal field is equal to the one it replaces, so the proposal changes exactly when
     * that record does. (A remedy's changes are filtered by this for every finding that holds the project back.)
     */
    static boolean changes(ProjectProposal proposal, Finding.Change change) {
        Step[] steps = PATHS.computeIfAbsent(change.path(), Changes::steps);
        Object record = proposal;
        Class<?> type = ProjectProposal.class;
        int i = 0;
        while (record != null && i < steps.length - 1 && steps[i].index() == null) {
            RecordShape shape = SHAPES.get(type);
            int k = shape.index(steps[i].field());
            record = shape.value(record, k);
            type = shape.fields()[k].getType();
            i++;
        }
        // An absent record is made by the change, which is a change (as reading the changed JSON would give).
        return record == null || !set(record, type, steps, i, change.value()).equals(record);
    }

    /** One step of a change's path: a field, and for a list which element ("*" every one, "-" a new one, or a number). */
    private record Step(String field, String index) {
    }

    /**
     * Each path split into its steps once. The paths are those of the rules' fixes (a few dozen at most), so the
     * map stays small.
     */
    private static final Map<String, Step[]> PATHS = new ConcurrentHashMap<>();

    private static Step[] steps(String path) {
        String[] parts = path.split("\\.");
        Step[] steps = new Step[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Matcher m = STEP.matcher(parts[i]);
            if (!m.matches()) {
                throw new IllegalArgumentException("bad change path step " + parts[i]);
            }
            steps[i] = new Step(m.group(1), m.group(2));
        }
        return steps;
    }

    /** The record with the field at steps[i..] set; a record that is absent (null) is made, every other field unknown. */
    private static Object set(Object record, Class<?> type, Step[] steps, int i, JsonNode value) {
        RecordShape shape = SHAPES.get(type);
        int k = shape.index(steps[i].field());
        Object[] values = shape.values(record);
        String index = steps[i].index();
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

    /** The value as the field's type, read from the JSON tree as reading the changed proposal would. */
    private static Object convert(JsonNode value, Type type) {
        try {
            return READERS.computeIfAbsent(type, t -> Json.MAPPER.readerFor(Json.MAPPER.getTypeFactory().constructType(t)))
                    .readValue(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("a change value that does not fit its field: " + value, e);
        }
    }

    /** A reader per field type that changes reach (a few): it keeps its deserializer, where convertValue looks it up. */
    private static final Map<Type, ObjectReader> READERS = new ConcurrentHashMap<>();

    /**
     * A record class's fields, their accessors and canonical constructor, looked up once. The accessors are kept:
     * RecordComponent.getAccessor gives a new copy at each call, whose first invoke checks access the slow way.
     */
    private record RecordShape(RecordComponent[] fields, java.lang.reflect.Method[] accessors, Constructor<?> canonical) {

        static RecordShape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException("a change path through " + type.getSimpleName() + ", which is not a record");
            }
            RecordComponent[] fields = type.getRecordComponents();
            java.lang.reflect.Method[] accessors = Arrays.stream(fields).map(RecordComponent::getAccessor).toArray(java.lang.reflect.Method[]::new);
            try {
                Constructor<?> canonical = type.getDeclaredConstructor(
                        Arrays.stream(fields).map(RecordComponent::getType).toArray(Class<?>[]::new));
                // Public records: this only skips the access check at each call.
                canonical.setAccessible(true);
                for (java.lang.reflect.Method m : accessors) {
                    m.setAccessible(true);
                }
                return new RecordShape(fields, accessors, canonical);
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
                        values[i] = accessors[i].invoke(record);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return values;
        }

        Object value(Object record, int i) {
            try {
                return accessors[i].invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
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
