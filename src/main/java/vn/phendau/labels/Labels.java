package vn.phendau.labels;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.phendau.common.Json;
import vn.phendau.common.Text;

/**
 * What a person reads in place of a field path or a code: "Ý kiến Bộ Ngoại giao" for
 * {@code defenseSecurity.foreignAffairsOpinion}, "Đã đề nghị, chưa có ý kiến" for {@code REQUESTED}. The proposal's
 * fields are labelled where clients read them, in the shipped schema: each field's {@code title} ("vi / en"), each
 * enum value's in {@code x-enumTitles}, a Vietnamese help beside the English {@code description} in
 * {@code x-help-vi}. The few values a finding names that are not fields (durationYears, publicCapitalVnd) are
 * labelled in reference/vocabulary.json's {@code fields}. Built once; pages, the API and the command line share it.
 */
@ApplicationScoped
public class Labels {

    private static final Pattern INDEX = Pattern.compile("\\[[^\\]]*]");
    private static final Text NOT_STATED = Text.of("không có", "not stated");
    private static final Text YES = Text.of("có", "yes");
    private static final Text NO = Text.of("không", "no");

    /** One labelled field: its title, the labels of its codes (of its items', for a list), its help. */
    private record Field(String path, Text title, Map<String, Text> values, Text help, String unit, List<String> children) {
    }

    private static final class Shipped {
        static final Labels INSTANCE = new Labels(Json.resource("schema/project-proposal.schema.json"),
                Json.resource("reference/vocabulary.json"));
    }

    private final Map<String, Field> fields;
    /** The names of a rule text's placeholders that are not fields (see vocabulary.json's {@code placeholders}). */
    private final Map<String, Text> placeholders;
    /** The sentences of the path to compliance, by "path=value" or by path (see vocabulary.json's {@code changes}). */
    private final Map<String, Text> changes;

    /** The labels of the shipped schema and vocabulary, as CDI gives them to the service. */
    public Labels() {
        this.fields = Shipped.INSTANCE.fields;
        this.changes = Shipped.INSTANCE.changes;
        this.placeholders = Shipped.INSTANCE.placeholders;
    }

    Labels(JsonNode schema, JsonNode vocabulary) {
        JsonNode derived = vocabulary.path("fields");
        Map<String, Field> out = new LinkedHashMap<>();
        walk(schema, schema, "", out);
        for (Iterator<Map.Entry<String, JsonNode>> it = derived.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isObject()) {
                continue;   // "about"
            }
            JsonNode d = e.getValue();
            Field of = d.has("valuesOf") ? out.get(d.get("valuesOf").asText()) : null;
            if (d.has("valuesOf") && of == null) {
                throw new IllegalStateException("vocabulary.json: " + e.getKey() + " takes its values of an unknown field");
            }
            out.put(e.getKey(), new Field(e.getKey(), split(d.path("title").asText(), e.getKey()),
                    of == null ? Map.of() : of.values(), null, d.path("unit").asText(unitOf(e.getKey())), List.of()));
        }
        this.fields = Collections.unmodifiableMap(out);
        Map<String, Text> said = new LinkedHashMap<>();
        vocabulary.path("changes").fields().forEachRemaining(e -> {
            if (!"about".equals(e.getKey())) {
                said.put(e.getKey(), split(e.getValue().asText(), e.getKey()));
            }
        });
        this.changes = Collections.unmodifiableMap(said);
        Map<String, Text> named = new LinkedHashMap<>();
        vocabulary.path("placeholders").fields().forEachRemaining(e -> {
            if (!"about".equals(e.getKey())) {
                named.put(e.getKey(), split(e.getValue().asText(), e.getKey()));
            }
        });
        this.placeholders = Collections.unmodifiableMap(named);
    }

    /**
     * A placeholder of a rule's text named in words, as the rule page shows the text before a project fills it:
     * "tên tỉnh" / "province name" for {@code {province}}, a field by its label in lower case ("lĩnh vực" for
     * {@code {sector}}); a name nothing labels reads as itself.
     */
    public Text placeholder(String name) {
        Text t = placeholders.get(name);
        if (t != null) {
            return t;
        }
        if (!knows(name)) {
            return Text.of(name, name);
        }
        Text f = field(name);
        return Text.of(lowerFirst(f.vi()), lowerFirst(f.en()));
    }

    /** Whether the placeholder has a name in words. */
    public boolean namesPlaceholder(String name) {
        return placeholders.containsKey(name) || knows(name);
    }

    /** "Lĩnh vực" → "lĩnh vực", but "ODA" and "Bộ Quốc phòng" (a proper noun, after the first word) stay. */
    private static String lowerFirst(String s) {
        if (s.length() < 2 || Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** The labels as shipped, for code that CDI does not build (the command line, a template writer). */
    public static Labels shipped() {
        return Shipped.INSTANCE;
    }

    /** Every labelled path: the schema's fields in its order (a list's item fields as {@code location.communes.name}), then the derived values. */
    public List<String> paths() {
        return List.copyOf(fields.keySet());
    }

    /** The field's label; a path no label knows reads as itself. Indices ({@code [0]}, {@code [*]}) are ignored. */
    public Text field(String path) {
        Field f = fields.get(plain(path));
        return f == null ? Text.of(path, path) : f.title();
    }

    /** Whether the path names a labelled field. */
    public boolean knows(String path) {
        return fields.containsKey(plain(path));
    }

    /** The label of a code of the field (of its items, for a list such as features); an unknown code reads as itself. */
    public Text value(String path, String code) {
        Field f = fields.get(plain(path));
        Text t = f == null ? null : f.values().get(code);
        return t == null ? Text.of(code, code) : t;
    }

    /** The codes of the field and their labels, in the schema's order; empty for a field without codes. */
    public Map<String, Text> values(String path) {
        Field f = fields.get(plain(path));
        return f == null ? Map.of() : f.values();
    }

    /** What the field means, for a person filling it in, when the schema explains it. */
    public Optional<Text> help(String path) {
        Field f = fields.get(plain(path));
        return f == null ? Optional.empty() : Optional.ofNullable(f.help());
    }

    /**
     * A value as a reviewer reads it: codes by their labels, yes or no, amounts in đồng grouped the Vietnamese way
     * ("95.000.000.000 đồng"), a list as a list ("; " between its items), a commune or a source by its name or kind
     * with its other fields labelled. Absent, null, an empty list or blank text read "không có" / "not stated".
     */
    public Text evidence(String path, JsonNode value) {
        return text(plain(path), value);
    }

    /** The same, for a value as the service holds it (a finding's evidence: Java values, enums, lists). */
    public Text evidence(String path, Object value) {
        return evidence(path, value instanceof JsonNode n ? n : Json.MAPPER.valueToTree(value instanceof Enum<?> e ? e.name() : value));
    }

    /**
     * A list's items each as a reviewer reads it, for a page that shows a list as a list; any other value is one item,
     * and an empty list or an absent value the one item "không có" / "not stated".
     */
    public List<Text> items(String path, JsonNode value) {
        if (value == null || !value.isArray() || value.isEmpty()) {
            return List.of(evidence(path, value));
        }
        List<Text> out = new ArrayList<>(value.size());
        value.forEach(item -> out.add(text(plain(path), item)));
        return out;
    }

    /** The same, for a value as the service holds it. */
    public List<Text> items(String path, Object value) {
        return items(path, value instanceof JsonNode n ? n : Json.MAPPER.valueToTree(value instanceof Enum<?> e ? e.name() : value));
    }

    /**
     * A change of the path to compliance as a sentence: "Bổ sung vào kế hoạch đầu tư công trung hạn" for
     * {@code planning.inMediumTermInvestmentPlan = true}, "Điều chỉnh năm hoàn thành thành 2029" for
     * {@code schedule.endYear = 2029}; a change no sentence is written for reads "Label: value".
     */
    public Text change(String path, JsonNode value) {
        String field = plain(path);
        String code = value == null || value.isNull() ? "null" : value.isTextual() ? value.asText() : value.toString();
        Text sentence = changes.get(field + "=" + code);
        if (sentence == null) {
            sentence = changes.get(field);
        }
        if (sentence == null) {
            return sentence(path, value);
        }
        java.util.regex.Matcher index = Pattern.compile("\\[(\\d+)]").matcher(path);
        String n = index.find() ? String.valueOf(Integer.parseInt(index.group(1)) + 1) : "";
        Text v = evidence(field, value);
        return Text.of(sentence.vi().replace("{value}", v.vi()).replace("{n}", n),
                sentence.en().replace("{value}", v.en()).replace("{n}", n));
    }

    /** "Ý kiến Bộ Ngoại giao: Đã đề nghị, chưa có ý kiến" / "Foreign Affairs opinion: requested, not yet given". */
    public Text sentence(String path, JsonNode value) {
        Text label = field(path);
        Text v = evidence(path, value);
        return Text.of(label.vi() + ": " + v.vi(), label.en() + ": " + v.en());
    }

    private Text text(String path, JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode() || v.isContainerNode() && v.isEmpty()
                || v.isTextual() && v.asText().isBlank()) {
            return NOT_STATED;
        }
        Field f = fields.get(path);
        if (v.isBoolean()) {
            return v.booleanValue() ? YES : NO;
        }
        if (v.isNumber()) {
            return number(v.decimalValue(), f == null ? unitOf(path) : f.unit());
        }
        if (v.isTextual()) {
            Text label = f == null ? null : f.values().get(v.asText());
            return label != null ? label : Text.of(v.asText(), v.asText());
        }
        if (v.isArray()) {
            List<String> vi = new ArrayList<>();
            List<String> en = new ArrayList<>();
            for (JsonNode item : v) {
                Text t = text(path, item);
                vi.add(t.vi());
                en.add(t.en());
            }
            return Text.of(String.join("; ", vi), String.join("; ", en));
        }
        return object(path, v);
    }

    /** A commune, a source: its first field bare (its name, its kind), the others labelled in brackets. */
    private Text object(String path, JsonNode v) {
        Field f = fields.get(path);
        List<String> order = new ArrayList<>(f == null ? List.of() : f.children());
        v.fieldNames().forEachRemaining(n -> {
            if (!order.contains(n)) {
                order.add(n);
            }
        });
        StringBuilder vi = new StringBuilder();
        StringBuilder en = new StringBuilder();
        List<String> restVi = new ArrayList<>();
        List<String> restEn = new ArrayList<>();
        for (String name : order) {
            if (!v.has(name)) {
                continue;
            }
            String child = path + "." + name;
            Text t = text(child, v.get(name));
            if (vi.isEmpty() && v.get(name).isTextual()) {
                vi.append(t.vi());
                en.append(t.en());
            } else {
                Text label = field(child);
                restVi.add(label.vi() + ": " + t.vi());
                restEn.add(label.en() + ": " + t.en());
            }
        }
        return Text.of(joined(vi.toString(), restVi), joined(en.toString(), restEn));
    }

    private static String joined(String head, List<String> rest) {
        String others = String.join(", ", rest);
        return rest.isEmpty() ? head : head.isEmpty() ? others : head + " (" + others + ")";
    }

    private static Text number(BigDecimal n, String unit) {
        if ("year".equals(unit)) {
            return Text.of(n.toPlainString(), n.toPlainString());
        }
        String vi = format(n, new DecimalFormatSymbols(Locale.forLanguageTag("vi-VN")), '.', ',');
        String en = format(n, DecimalFormatSymbols.getInstance(Locale.ENGLISH), ',', '.');
        return "vnd".equals(unit) ? Text.of(vi + " đồng", en + " VND") : Text.of(vi, en);
    }

    private static String format(BigDecimal n, DecimalFormatSymbols base, char grouping, char decimal) {
        DecimalFormatSymbols symbols = (DecimalFormatSymbols) base.clone();
        symbols.setGroupingSeparator(grouping);
        symbols.setDecimalSeparator(decimal);
        symbols.setMinusSign('-');
        DecimalFormat f = new DecimalFormat("#,##0.####", symbols);
        return f.format(n);
    }

    private static String plain(String path) {
        return path.indexOf('[') < 0 ? path : INDEX.matcher(path).replaceAll("");
    }

    private static String unitOf(String path) {
        return path.endsWith("Vnd") ? "vnd" : path.endsWith("Year") ? "year" : "";
    }

    /** "Tỉnh, thành phố / Province": the Vietnamese before the first " / ", the English after it. */
    private static Text split(String title, String path) {
        int at = title.indexOf(" / ");
        if (at <= 0 || at + 3 >= title.length()) {
            throw new IllegalStateException("the title of " + path + " is not \"vi / en\": '" + title + "'");
        }
        return Text.of(title.substring(0, at).strip(), title.substring(at + 3).strip());
    }

    private static void walk(JsonNode root, JsonNode node, String path, Map<String, Field> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            JsonNode field = e.getValue();
            JsonNode type = field.has("$ref") ? root.at(field.get("$ref").asText().substring(1)) : field;
            JsonNode item = "array".equals(type.path("type").asText()) ? type.path("items") : null;
            JsonNode coded = item != null && item.has("enum") ? item : type;
            Map<String, Text> values = new LinkedHashMap<>();
            for (JsonNode code : coded.path("enum")) {
                JsonNode title = coded.path("x-enumTitles").path(code.asText());
                values.put(code.asText(), title.isTextual() ? split(title.asText(), at + " " + code.asText())
                        : Text.of(code.asText(), code.asText()));
            }
            Text help = field.has("x-help-vi") && field.has("description")
                    ? Text.of(field.get("x-help-vi").asText(), field.get("description").asText()) : null;
            JsonNode object = item != null && "object".equals(item.path("type").asText()) ? item : type;
            List<String> children = new ArrayList<>();
            object.path("properties").fieldNames().forEachRemaining(children::add);
            out.put(at, new Field(at, split(field.path("title").asText(""), at), Collections.unmodifiableMap(values), help,
                    unitOf(at), List.copyOf(children)));
            if (!children.isEmpty()) {
                walk(root, object, at, out);
            }
        }
    }
}
