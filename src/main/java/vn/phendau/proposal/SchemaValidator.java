package vn.phendau.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import vn.phendau.common.VietnameseText;
import vn.phendau.problem.Problem;

/**
 * Checks a JSON tree against project-proposal.schema.json, the very file clients are built against, and
 * reports every problem with its path in both languages. Only the keywords that schema uses are understood, and a
 * schema with any other is refused when the validator is made: a keyword silently ignored would let the service
 * take what the schema refuses. Where the schema says {@code additionalProperties: false} (every object of the
 * proposal), unknown fields are errors (with a "did you mean"), because a misspelt field would otherwise be read
 * as unknown. SchemaDifferentialTest holds it to an independent implementation of JSON Schema.
 */
final class SchemaValidator {

    private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** The keywords checked here; any other that asserts something is refused with the schema. */
    private static final Set<String> IMPLEMENTED = Set.of("type", "enum", "required", "properties", "additionalProperties",
            "items", "maxItems", "uniqueItems", "minLength", "maxLength", "pattern", "format", "exclusiveMinimum",
            "minimum", "maximum", "$ref", "$defs");
    /** Keywords that only name or describe, and assert nothing. */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title", "description",
            "examples", "default", "deprecated", "readOnly", "writeOnly", "x-enumTitles", "x-help-vi");
    private static final Set<String> TYPES = Set.of("object", "array", "string", "boolean", "integer", "number");

    private final JsonNode root;
    private final Rule top;

    SchemaValidator(JsonNode schema) {
        this.root = schema;
        this.top = compile(schema, new IdentityHashMap<>());
    }

    /** The problems JSON Schema itself finds, and no other (SchemaDifferentialTest holds it to that). */
    List<Problem> validate(JsonNode value, String path) {
        List<Problem> problems = new ArrayList<>();
        check(top, value, path, problems, false);
        return problems;
    }

    /**
     * The problems a proposal is refused for: the schema's, and a text of spaces where the schema asks for at least
     * one character (a name of spaces is no name, though JSON Schema counts the spaces), at the same place and in
     * the same order as the schema's problems.
     */
    List<Problem> check(JsonNode value, String path) {
        List<Problem> problems = new ArrayList<>();
        check(top, value, path, problems, true);
        return problems;
    }

    /**
     * One schema node as read once when the validator is made: its keywords as fields and its $ref resolved, so
     * that checking a proposal looks nothing up in the schema's JSON. Filled after it is made, so that a schema
     * that refers to itself compiles.
     */
    private static final class Rule {
        String type;
        JsonNode allowed;                       // enum
        List<String> required = List.of();
        Map<String, Rule> properties = Map.of();
        List<String> known = List.of();         // the property names, in the schema's order
        int maxItems;
        boolean uniqueItems;
        Rule items;
        boolean hasMinLength;
        int minLength;
        Integer maxLength;
        boolean closed;                         // additionalProperties: false
        String regex;
        Pattern pattern;
        boolean date;
        BigDecimal exclusiveMinimum;
        BigDecimal minimum;
        BigDecimal maximum;
    }

    /**
     * A node the validator cannot check as the schema means it is refused here: a keyword it does not implement, a
     * form of one it does not (a type list, additionalProperties as a schema, a format other than date), or a
     * keyword beside a $ref (2020-12 applies both; this validator would apply only the $ref).
     */
    private static void refuseWhatIsNotImplemented(JsonNode node, String at) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("schema at " + at + " is not an object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String keyword = it.next();
            if (!IMPLEMENTED.contains(keyword) && !ANNOTATIONS.contains(keyword)) {
                throw new IllegalArgumentException("schema keyword '" + keyword + "' at " + at + " is not implemented by SchemaValidator");
            }
            if (node.has("$ref") && IMPLEMENTED.contains(keyword) && !keyword.equals("$ref")) {
                throw new IllegalArgumentException("schema keyword '" + keyword + "' beside $ref at " + at + " is not implemented");
            }
        }
        if (node.has("type") && !(node.get("type").isTextual() && TYPES.contains(node.get("type").asText()))) {
            throw new IllegalArgumentException("schema type " + node.get("type") + " at " + at + " is not implemented");
        }
        if (node.has("additionalProperties") && !node.get("additionalProperties").isBoolean()) {
            throw new IllegalArgumentException("additionalProperties other than true or false at " + at + " is not implemented");
        }
        if (node.has("format") && !"date".equals(node.get("format").asText())) {
            throw new IllegalArgumentException("format '" + node.get("format").asText() + "' at " + at + " is not implemented");
        }
        if (node.has("$ref") && !node.get("$ref").asText().startsWith("#/")) {
            throw new IllegalArgumentException("$ref " + node.get("$ref") + " at " + at + " is not implemented: only #/ pointers are");
        }
    }

    private Rule compile(JsonNode schema, Map<JsonNode, Rule> done) {
        return compile(schema, done, "#");
    }

    private Rule compile(JsonNode schema, Map<JsonNode, Rule> done, String at) {
        refuseWhatIsNotImplemented(schema, at);
        schema.path("$defs").fields().forEachRemaining(d -> refuseWhatIsNotImplemented(d.getValue(), at + "/$defs/" + d.getKey()));
        JsonNode node = schema.has("$ref") ? resolve(schema.get("$ref").asText()) : schema;
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("$ref " + schema.get("$ref") + " at " + at + " names nothing");
        }
        refuseWhatIsNotImplemented(node, schema.has("$ref") ? schema.get("$ref").asText() : at);
        Rule rule = done.get(node);
        if (rule != null) {
            return rule;
        }
        rule = new Rule();
        done.put(node, rule);
        rule.type = node.path("type").asText("");
        rule.allowed = node.get("enum");
        List<String> required = new ArrayList<>();
        node.path("required").forEach(r -> required.add(r.asText()));
        rule.required = List.copyOf(required);
        Map<String, Rule> properties = new HashMap<>();
        List<String> known = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            known.add(p.getKey());
            properties.put(p.getKey(), compile(p.getValue(), done, at + "/properties/" + p.getKey()));
        }
        rule.properties = properties;
        rule.known = List.copyOf(known);
        rule.maxItems = node.path("maxItems").asInt(Integer.MAX_VALUE);
        rule.uniqueItems = node.path("uniqueItems").asBoolean(false);
        rule.items = node.has("items") ? compile(node.get("items"), done, at + "/items") : null;
        rule.closed = !node.path("additionalProperties").asBoolean(true);
        rule.hasMinLength = node.has("minLength");
        rule.minLength = node.path("minLength").asInt();
        rule.maxLength = node.has("maxLength") ? node.get("maxLength").asInt() : null;
        rule.regex = node.has("pattern") ? node.get("pattern").asText() : null;
        rule.pattern = rule.regex == null ? null : Pattern.compile(rule.regex);
        rule.date = "date".equals(node.path("format").asText());
        rule.exclusiveMinimum = node.has("exclusiveMinimum") ? node.get("exclusiveMinimum").decimalValue() : null;
        rule.minimum = node.has("minimum") ? node.get("minimum").decimalValue() : null;
        rule.maximum = node.has("maximum") ? node.get("maximum").decimalValue() : null;
        return rule;
    }

    private void check(Rule schema, JsonNode value, String path, List<Problem> out, boolean blankIsEmpty) {
        String type = schema.type;
        if (!type.isEmpty() && !hasType(value, type)) {
            out.add(typeProblem(path.isEmpty() ? "$" : path, type, value));
            return;
        }
        if (schema.allowed != null) {
            checkEnum(schema.allowed, value, path, out);
        }
        switch (type) {
            case "object" -> checkObject(schema, value, path, out, blankIsEmpty);
            case "array" -> checkArray(schema, value, path, out, blankIsEmpty);
            case "string" -> checkString(schema, value, path, out, blankIsEmpty);
            case "integer", "number" -> checkNumber(schema, value, path, out);
            default -> {
            }
        }
    }

    private JsonNode resolve(String ref) {
        JsonNode node = root;
        for (String part : ref.replaceFirst("^#/", "").split("/")) {
            node = node.path(part);
        }
        return node;
    }

    private static boolean hasType(JsonNode v, String type) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "boolean" -> v.isBoolean();
            case "integer" -> v.isIntegralNumber() || (v.isNumber() && (v.isBigDecimal() || Double.isFinite(v.doubleValue()))
                    && v.decimalValue().stripTrailingZeros().scale() <= 0);
            // The proposal holds a number as a double: 1e400 reads as a decimal, but as a double it is infinite.
            case "number" -> v.isNumber() && Double.isFinite(v.doubleValue());
            default -> true;
        };
    }

    private void checkObject(Rule schema, JsonNode value, String path, List<Problem> out, boolean blankIsEmpty) {
        // A misspelt required field is one mistake: the proposal's check tells it once, as the unknown field that
        // names it (JSON Schema itself, and so validate(), reports both).
        Set<String> named = null;
        if (blankIsEmpty && schema.closed) {
            for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String guess = schema.properties.containsKey(name) ? null : nearest(name, schema.known);
                if (guess != null) {
                    if (named == null) {
                        named = new HashSet<>();
                    }
                    named.add(guess);
                }
            }
        }
        for (String req : schema.required) {
            if (!value.has(req) && (named == null || !named.contains(req))) {
                out.add(Problem.at(join(path, req), "trường bắt buộc bị thiếu", "required field is missing"));
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            Rule sub = schema.properties.get(f.getKey());
            if (sub == null) {
                if (schema.closed) {
                    out.add(unknownField(join(path, f.getKey()), f.getKey(), schema.known));
                }
            } else {
                check(sub, f.getValue(), join(path, f.getKey()), out, blankIsEmpty);
            }
        }
    }

    private void checkArray(Rule schema, JsonNode value, String path, List<Problem> out, boolean blankIsEmpty) {
        int max = schema.maxItems;
        if (value.size() > max) {
            out.add(Problem.at(path, "tối đa " + max + " phần tử, nhận được " + value.size(),
                    "at most " + max + " items, got " + value.size()));
        }
        Set<JsonNode> seen = schema.uniqueItems ? new HashSet<>() : null;
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemPath = path + "[" + i + "]";
            if (seen != null && !seen.add(item)) {
                out.add(Problem.at(itemPath, "giá trị lặp lại: " + item, "duplicate item: " + item));
            }
            if (schema.items != null) {
                check(schema.items, item, itemPath, out, blankIsEmpty);
            }
        }
    }

    private void checkString(Rule schema, JsonNode value, String path, List<Problem> out, boolean blankIsEmpty) {
        String s = value.asText();
        int length = s.codePointCount(0, s.length());
        if (schema.hasMinLength && (length < schema.minLength || (blankIsEmpty && s.isBlank()))) {
            out.add(Problem.at(path, "không được để trống", "must not be empty"));
        }
        if (schema.maxLength != null && length > schema.maxLength) {
            int max = schema.maxLength;
            out.add(Problem.at(path, "dài tối đa " + max + " ký tự, nhận được " + length,
                    "must be at most " + max + " characters, got " + length));
        }
        if (schema.pattern != null && !schema.pattern.matcher(s).find()) {
            String regex = schema.regex;
            out.add(Problem.at(path, "không đúng định dạng " + regex + " (ví dụ mã quốc gia 'CN')",
                    "does not match " + regex + " (for example the country code 'CN')"));
        }
        if (schema.date) {
            try {
                // RFC 3339 full-date: four-digit year; LocalDate alone would also take "+99999-01-01".
                if (!FULL_DATE.matcher(s).matches()) {
                    throw new DateTimeParseException("not a full-date", s, 0);
                }
                LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                out.add(Problem.at(path, "phải là ngày dạng YYYY-MM-DD, nhận được '" + abbreviate(s) + "'",
                        "must be a date as YYYY-MM-DD, got '" + abbreviate(s) + "'"));
            }
        }
    }

    private void checkNumber(Rule schema, JsonNode value, String path, List<Problem> out) {
        if (schema.exclusiveMinimum == null && schema.minimum == null && schema.maximum == null) {
            return;
        }
        BigDecimal v = value.decimalValue();
        if (schema.exclusiveMinimum != null && v.compareTo(schema.exclusiveMinimum) <= 0) {
            String m = schema.exclusiveMinimum.toPlainString();
            out.add(Problem.at(path, "phải lớn hơn " + m, "must be greater than " + m));
        }
        if (schema.minimum != null && v.compareTo(schema.minimum) < 0) {
            String m = schema.minimum.toPlainString();
            out.add(Problem.at(path, "phải lớn hơn hoặc bằng " + m, "must be at least " + m));
        }
        if (schema.maximum != null && v.compareTo(schema.maximum) > 0) {
            String m = schema.maximum.toPlainString();
            out.add(Problem.at(path, "phải nhỏ hơn hoặc bằng " + m, "must be at most " + m));
        }
    }

    private void checkEnum(JsonNode allowed, JsonNode value, String path, List<Problem> out) {
        for (JsonNode a : allowed) {
            if (a.equals(value)) {
                return;
            }
        }
        List<String> names = StreamSupport.stream(allowed.spliterator(), false).map(JsonNode::asText).toList();
        String got = abbreviate(value.asText());
        String guess = nearest(value.asText().toUpperCase(java.util.Locale.ROOT).replace(' ', '_'), names);
        String list = String.join(", ", names);
        out.add(Problem.at(path,
                "giá trị '" + got + "' không hợp lệ" + (guess == null ? "." : "; có phải ý bạn là '" + guess + "'?")
                        + " Các giá trị cho phép: " + list,
                "'" + got + "' is not an allowed value" + (guess == null ? "." : "; did you mean '" + guess + "'?")
                        + " Allowed: " + list));
    }

    private static Problem unknownField(String path, String name, List<String> known) {
        String guess = nearest(name, known);
        if (guess != null) {
            return Problem.at(path, "trường không có trong lược đồ; có phải ý bạn là '" + guess + "'?",
                    "unknown field; did you mean '" + guess + "'?");
        }
        String list = String.join(", ", known);
        return Problem.at(path, "trường không có trong lược đồ; các trường hợp lệ: " + list,
                "unknown field; known fields: " + list);
    }

    /** The closest candidate within a third of the word's length, or null when nothing is close. */
    static String nearest(String word, List<String> candidates) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        return candidates.stream()
                .map(c -> Map.entry(c, VietnameseText.distance(w, c.toLowerCase(java.util.Locale.ROOT))))
                .filter(e -> e.getValue() <= Math.max(2, w.length() / 3))
                .min(Comparator.comparingInt(Map.Entry::getValue))
                .map(Map.Entry::getKey).orElse(null);
    }

    private static Problem typeProblem(String path, String type, JsonNode value) {
        String vi = switch (type) {
            case "object" -> "một đối tượng JSON";
            case "array" -> "một mảng JSON";
            case "string" -> "một chuỗi";
            case "boolean" -> "true hoặc false";
            case "integer" -> "một số nguyên";
            case "number" -> "một số hữu hạn";
            default -> type;
        };
        String en = switch (type) {
            case "object" -> "a JSON object";
            case "array" -> "a JSON array";
            case "boolean" -> "true or false";
            case "integer" -> "an integer";
            case "number" -> "a finite number";
            default -> "a " + type;
        };
        String got = describe(value);
        return Problem.at(path, "phải là " + vi + ", nhận được " + got, "must be " + en + ", got " + got);
    }

    private static String describe(JsonNode v) {
        if (v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return "'" + abbreviate(v.asText()) + "'";
        }
        if (v.isContainerNode()) {
            return v.isArray() ? "[…]" : "{…}";
        }
        return abbreviate(v.toString());
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "…";
    }

    static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    static String describeAll(List<Problem> problems) {
        return problems.stream().map(Problem::path).collect(Collectors.joining(", "));
    }
}
