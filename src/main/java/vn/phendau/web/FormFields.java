package vn.phendau.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.phendau.common.Json;

/**
 * The proposal form's fields, read from the shipped schema: one section per part of a proposal, one input per field,
 * its kind of input chosen by the field's type. A field added to the schema appears in the form with nothing written
 * here; only the grouping of the top-level parts into sections is the form's own.
 */
@ApplicationScoped
public class FormFields {

    /** How a field is entered. */
    public enum Widget { TEXT, TEXTAREA, DATE, AMOUNT, INTEGER, NUMBER, YES_NO, SELECT, PROVINCE, CHECKS, ROWS }

    /**
     * One field: its path in the proposal (the input's name, with [i] in rows), how it is entered, its codes (for a
     * drop-down or checks), and the fields of each row (for a list of objects).
     */
    public record Field(String path, Widget widget, List<String> codes, List<Field> items, boolean required) {

        /** The last step of the path: a row's cell is named by it after the row's index. */
        public String leaf() {
            return path.substring(path.lastIndexOf('.') + 1);
        }
    }

    /** @param key a top-level part ("location") or one of the form's own groupings ("general", "sector", "impact") */
    public record Section(String key, List<Field> fields) {
    }

    /** The form's grouping of the top-level parts; a part not named here gets a section of its own (an object) or joins "general". */
    static final Map<String, String> SECTION_OF = Map.ofEntries(
            Map.entry("location", "location"),
            Map.entry("sector", "sector"), Map.entry("features", "sector"), Map.entry("linkages", "sector"),
            Map.entry("investment", "investment"),
            Map.entry("schedule", "schedule"),
            Map.entry("planning", "planning"),
            Map.entry("defenseSecurity", "defenseSecurity"),
            Map.entry("urgency", "urgency"),
            Map.entry("beneficiaries", "impact"), Map.entry("environment", "impact"));
    static final List<String> ORDER = List.of("general", "location", "sector", "investment", "schedule", "planning",
            "defenseSecurity", "urgency", "impact");

    private static final String PROVINCE = "location.province";
    private static final int LONG_TEXT = 1000;

    private final List<Section> sections;
    private final Map<String, Field> byPath = new LinkedHashMap<>();

    public FormFields() {
        this(Json.resource("schema/project-proposal.schema.json"));
    }

    FormFields(JsonNode schema) {
        Map<String, List<Field>> grouped = new LinkedHashMap<>();
        ORDER.forEach(k -> grouped.put(k, new ArrayList<>()));
        Set<String> required = names(schema.path("required"));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode node = resolve(schema, e.getValue());
            boolean object = "object".equals(node.path("type").asText());
            String section = SECTION_OF.getOrDefault(e.getKey(), object ? e.getKey() : "general");
            List<Field> into = grouped.computeIfAbsent(section, k -> new ArrayList<>());
            if (object) {
                Set<String> inner = names(node.path("required"));
                node.path("properties").fields().forEachRemaining(c ->
                        into.add(field(schema, e.getKey() + "." + c.getKey(), c.getValue(), inner.contains(c.getKey()))));
            } else {
                into.add(field(schema, e.getKey(), e.getValue(), required.contains(e.getKey())));
            }
        }
        List<Section> out = new ArrayList<>();
        grouped.forEach((k, fields) -> {
            if (!fields.isEmpty()) {
                out.add(new Section(k, List.copyOf(fields)));
            }
        });
        sections = List.copyOf(out);
        sections.forEach(s -> s.fields().forEach(this::index));
    }

    private void index(Field f) {
        byPath.put(f.path(), f);
        f.items().forEach(i -> byPath.put(f.path() + "." + i.leaf(), i));
    }

    private static Field field(JsonNode root, String path, JsonNode raw, boolean required) {
        JsonNode node = resolve(root, raw);
        String type = node.path("type").asText();
        if ("array".equals(type)) {
            JsonNode items = resolve(root, node.path("items"));
            if (items.has("enum")) {
                return new Field(path, Widget.CHECKS, codes(items), List.of(), required);
            }
            Set<String> inner = names(items.path("required"));
            List<Field> cells = new ArrayList<>();
            items.path("properties").fields().forEachRemaining(c ->
                    cells.add(field(root, path + "." + c.getKey(), c.getValue(), inner.contains(c.getKey()))));
            return new Field(path, Widget.ROWS, List.of(), List.copyOf(cells), required);
        }
        if ("object".equals(type)) {
            // A deeper object would need a section of its own; the schema has none, so its fields are rows of one.
            List<Field> cells = new ArrayList<>();
            node.path("properties").fields().forEachRemaining(c -> cells.add(field(root, path + "." + c.getKey(), c.getValue(), false)));
            return new Field(path, Widget.ROWS, List.of(), List.copyOf(cells), required);
        }
        Widget widget = switch (type) {
            case "boolean" -> Widget.YES_NO;
            case "integer" -> path.endsWith("Vnd") ? Widget.AMOUNT : Widget.INTEGER;
            case "number" -> Widget.NUMBER;
            default -> node.has("enum") ? Widget.SELECT
                    : path.equals(PROVINCE) ? Widget.PROVINCE
                    : "date".equals(node.path("format").asText()) ? Widget.DATE
                    : node.path("maxLength").asInt(0) > LONG_TEXT ? Widget.TEXTAREA : Widget.TEXT;
        };
        return new Field(path, widget, widget == Widget.SELECT ? codes(node) : List.of(), List.of(), required);
    }

    private static JsonNode resolve(JsonNode root, JsonNode node) {
        return node.has("$ref") ? root.at(node.get("$ref").asText().substring(1)) : node;
    }

    private static List<String> codes(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.path("enum").forEach(c -> out.add(c.asText()));
        return List.copyOf(out);
    }

    private static Set<String> names(JsonNode array) {
        Set<String> out = new java.util.HashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    public List<Section> sections() {
        return sections;
    }

    /** Every field and row cell by its path without indices. */
    public Map<String, Field> byPath() {
        return java.util.Collections.unmodifiableMap(byPath);
    }
}
