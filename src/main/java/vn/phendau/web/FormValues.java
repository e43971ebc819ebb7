package vn.phendau.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.phendau.batch.RowMapper;
import vn.phendau.common.VietnameseText;
import vn.phendau.template.ListTemplate;
import vn.phendau.web.FormFields.Field;
import vn.phendau.web.FormFields.Widget;

/**
 * What the proposal form holds, as the officer typed it: each input's text by its name (the field's path, with
 * [i] in rows), and the number of rows of each list. It becomes the proposal's JSON as the API takes it; what
 * cannot be read as its type (an amount "95 tỷ") goes into the JSON as the text it is, so the schema names the
 * problem in the API's own words, and the form shows the text back beside it.
 */
public final class FormValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern ROW = Pattern.compile("^(.+)\\[(\\d{1,4})]\\.([A-Za-z0-9_]+)$");
    /** Empty rows a list shows beyond its filled ones, and the fewest rows it shows: to fill without script. */
    static final int SPARE_ROWS = 1;
    static final int MIN_ROWS = 3;
    static final int MAX_ROWS = 200;

    private final FormFields fields;
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Map<String, Integer> rows = new LinkedHashMap<>();
    /** Lists said to be empty ("none"): an empty list in the JSON, where a list left empty is absent (unknown). */
    private final java.util.Set<String> none = new java.util.LinkedHashSet<>();

    /** The name of a list's "none" box: {@code none:features}. */
    static final String NONE = "none:";

    private FormValues(FormFields fields) {
        this.fields = fields;
    }

    public static FormValues empty(FormFields fields) {
        return new FormValues(fields);
    }

    /** A proposal's JSON in the form: amounts grouped as the page's language writes them, codes as codes. */
    public static FormValues of(FormFields fields, JsonNode proposal, String lang) {
        FormValues v = new FormValues(fields);
        for (FormFields.Section s : fields.sections()) {
            for (Field f : s.fields()) {
                JsonNode node = proposal.at("/" + f.path().replace('.', '/'));
                if ((f.widget() == Widget.ROWS || f.widget() == Widget.CHECKS) && node.isArray() && node.isEmpty()) {
                    v.none.add(f.path());
                }
                if (f.widget() == Widget.ROWS) {
                    int i = 0;
                    for (JsonNode item : node.isArray() ? node : NODES.arrayNode()) {
                        for (Field cell : f.items()) {
                            v.set(f.path() + "[" + i + "]." + cell.leaf(), text(cell, item.path(cell.leaf()), lang));
                        }
                        i++;
                    }
                    v.rows.put(f.path(), i);
                } else if (f.widget() == Widget.CHECKS) {
                    List<String> codes = new ArrayList<>();
                    node.forEach(c -> codes.add(c.asText()));
                    v.values.put(f.path(), codes);
                } else {
                    v.set(f.path(), text(f, node, lang));
                }
            }
        }
        return v;
    }

    private static String text(Field f, JsonNode node, String lang) {
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (f.widget() == Widget.AMOUNT && node.isIntegralNumber()) {
            return ListTemplate.grouped(node.decimalValue(), lang);
        }
        if (f.widget() == Widget.NUMBER && node.isNumber() && !"en".equals(lang)) {
            return plain(node.decimalValue()).replace('.', ',');
        }
        if (node.isNumber()) {
            return plain(node.decimalValue());
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static String plain(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    /**
     * The form as posted. The rows of a list are renumbered from 0 without the empty ones, so that a problem at
     * location.communes[1] names the row shown second. {@code addRowTo} names a list that gets one more empty row.
     */
    public static FormValues posted(FormFields fields, Map<String, List<String>> form, String addRowTo) {
        FormValues v = new FormValues(fields);
        Map<String, TreeMap<Integer, Map<String, String>>> rowsOf = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : form.entrySet()) {
            if (e.getKey().startsWith(NONE)) {
                Field list = fields.byPath().get(e.getKey().substring(NONE.length()));
                if (list != null && (list.widget() == Widget.ROWS || list.widget() == Widget.CHECKS)
                        && e.getValue().stream().anyMatch(s -> s != null && !s.isBlank())) {
                    v.none.add(list.path());
                }
                continue;
            }
            Matcher m = ROW.matcher(e.getKey());
            if (m.matches()) {
                Field list = fields.byPath().get(m.group(1));
                if (list != null && list.widget() == Widget.ROWS) {
                    rowsOf.computeIfAbsent(m.group(1), k -> new TreeMap<>())
                            .computeIfAbsent(Integer.parseInt(m.group(2)), k -> new LinkedHashMap<>())
                            .put(m.group(3), unknownAsEmpty(first(e.getValue())));
                }
                continue;
            }
            Field f = fields.byPath().get(e.getKey());
            if (f == null || f.widget() == Widget.ROWS) {
                continue;
            }
            if (f.widget() == Widget.CHECKS) {
                v.values.put(f.path(), e.getValue().stream().filter(s -> !s.isBlank()).map(VietnameseText::nfc).toList());
            } else {
                v.set(f.path(), f.widget() == Widget.YES_NO ? unknownAsEmpty(first(e.getValue())) : first(e.getValue()));
            }
        }
        rowsOf.forEach((path, byIndex) -> {
            int n = 0;
            for (Map<String, String> cells : byIndex.values()) {
                if (cells.values().stream().allMatch(String::isBlank) || n >= MAX_ROWS) {
                    continue;
                }
                for (Map.Entry<String, String> c : cells.entrySet()) {
                    v.set(path + "[" + n + "]." + c.getKey(), c.getValue());
                }
                n++;
            }
            v.rows.put(path, n);
        });
        if (addRowTo != null && fields.byPath().containsKey(addRowTo)) {
            v.extra.put(addRowTo, 1 + SPARE_ROWS);
        }
        return v;
    }

    /** Lists given one more empty row by "add a row". */
    private final Map<String, Integer> extra = new LinkedHashMap<>();

    /**
     * The third choice of a yes/no: not known, so no field. It has a value of its own rather than an empty one,
     * which some clients send as "on".
     */
    static final String UNKNOWN = "unknown";

    private static String unknownAsEmpty(String value) {
        return UNKNOWN.equals(value) ? "" : value;
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }

    private void set(String name, String value) {
        values.put(name, List.of(VietnameseText.nfc(value)));
    }

    /** The input's text ("" when empty). */
    public String value(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    /** The codes ticked of a list of checks. */
    public List<String> ticked(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** Whether the list was said to be empty (its "none" box ticked). */
    public boolean none(String path) {
        return none.contains(path);
    }

    /** The rows a list shows: its filled ones and a spare, at least {@link #MIN_ROWS}. */
    public int rowsShown(String path) {
        int filled = rows.getOrDefault(path, 0);
        return Math.min(MAX_ROWS, Math.max(MIN_ROWS, filled + extra.getOrDefault(path, SPARE_ROWS)));
    }

    /** Whether nothing at all was entered (a fresh form, which the script may fill from its draft). */
    public boolean isEmpty() {
        return none.isEmpty() && values.values().stream().allMatch(l -> l.stream().allMatch(String::isBlank));
    }

    /**
     * The proposal's JSON, in the schema's order; empty inputs are absent fields (unknown), not false or zero. A list
     * is an empty list only when said to be none; rows or boxes filled as well win over the "none".
     */
    public ObjectNode json() {
        ObjectNode root = NODES.objectNode();
        for (FormFields.Section s : fields.sections()) {
            for (Field f : s.fields()) {
                JsonNode node = node(f, f.path());
                if (node != null) {
                    put(root, f.path().split("\\."), node);
                }
            }
        }
        return root;
    }

    private JsonNode node(Field f, String name) {
        return switch (f.widget()) {
            case ROWS -> {
                ArrayNode a = NODES.arrayNode();
                for (int i = 0; i < rows.getOrDefault(f.path(), 0); i++) {
                    ObjectNode item = NODES.objectNode();
                    for (Field cell : f.items()) {
                        JsonNode c = node(cell, f.path() + "[" + i + "]." + cell.leaf());
                        if (c != null) {
                            item.set(cell.leaf(), c);
                        }
                    }
                    if (!item.isEmpty()) {
                        a.add(item);
                    }
                }
                yield a.isEmpty() && !none(f.path()) ? null : a;
            }
            case CHECKS -> {
                List<String> ticked = ticked(name);
                if (ticked.isEmpty()) {
                    yield none(f.path()) ? NODES.arrayNode() : null;
                }
                ArrayNode a = NODES.arrayNode();
                ticked.forEach(a::add);
                yield a;
            }
            default -> {
                String raw = value(name).strip();
                if (raw.isEmpty()) {
                    yield null;
                }
                yield switch (f.widget()) {
                    case AMOUNT, INTEGER -> RowMapper.wholeNumber(raw).orElse(NODES.textNode(raw));
                    case NUMBER -> RowMapper.number(raw).orElse(NODES.textNode(raw));
                    case YES_NO -> "true".equals(raw) ? NODES.booleanNode(true) : "false".equals(raw) ? NODES.booleanNode(false)
                            : NODES.textNode(raw);
                    default -> NODES.textNode(raw);
                };
            }
        };
    }

    private static void put(ObjectNode root, String[] steps, JsonNode value) {
        ObjectNode node = root;
        for (int i = 0; i < steps.length - 1; i++) {
            node = node.has(steps[i]) ? (ObjectNode) node.get(steps[i]) : node.putObject(steps[i]);
        }
        node.set(steps[steps.length - 1], value);
    }
}
