package vn.phendau.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import vn.phendau.common.Json;
import vn.phendau.common.Text;
import vn.phendau.common.VietnameseText;
import vn.phendau.problem.Problem;
import vn.phendau.problem.ProblemException;
import vn.phendau.proposal.ProposalReader;

/**
 * Turns a spreadsheet row (CSV or Excel) into a proposal's JSON. The header names field paths
 * ("location.province", "investment.totalVnd"); the schema says each one's type. Lists are separated by ';';
 * communes are "name" or "name:true|false" (border commune); funding sources are "TYPE:amountVnd[:secured]".
 * An empty cell is an absent field: unknown, not false or zero.
 */
public final class RowMapper {

    /** The kind of cell a column takes. ENUM is one code of the schema's list, ENUM_LIST several, separated by ';'. */
    public enum Kind { STRING, ENUM, INTEGER, NUMBER, BOOLEAN, ENUM_LIST, COMMUNES, SOURCES }

    /** The path whose codes name a funding source's type, in a cell of investment.sources. */
    public static final String SOURCE_TYPE = "investment.sources.type";

    private static final Map<String, Kind> COLUMNS = columns();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final java.util.regex.Pattern GROUPED = java.util.regex.Pattern.compile("-?\\d{1,3}([ .,]\\d{3})+");
    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\s-]+");

    private final List<String> header;
    private final int maxChars;
    /** Per column, worked out once from the header: its kind (null for none) and its path's steps. */
    private final Kind[] kinds;
    private final String[][] steps;

    /**
     * Checks the header once: an unknown column would make every row wrong, so the whole list is refused. A cell
     * longer than maxChars is its row's problem.
     */
    public RowMapper(List<String> rawHeader, int maxChars) {
        this(rawHeader, maxChars, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /**
     * The same, with at most maxColumns columns (a wider header refuses the list with 413, before any column is
     * judged) and at most maxProblems problems reported of it. Each name is looked up once in a map, so a header's
     * check grows with its width, not its square.
     */
    public RowMapper(List<String> rawHeader, int maxChars, int maxColumns, int maxProblems) {
        this.maxChars = maxChars;
        if (rawHeader.size() > maxColumns) {
            throw ProblemException.tooLarge("header", "tiêu đề có " + rawHeader.size() + " cột, vượt giới hạn " + maxColumns + " cột",
                    "the header has " + rawHeader.size() + " columns, over the limit of " + maxColumns);
        }
        header = new ArrayList<>(rawHeader.size());
        Map<String, Integer> firstAt = new java.util.HashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < rawHeader.size(); i++) {
            Problem tooLong = ProposalReader.tooLong("header[" + i + "]", rawHeader.get(i), maxChars);
            String h = tooLong == null ? VietnameseText.nfc(rawHeader.get(i)).strip() : "";
            header.add(h);
            if (tooLong != null) {
                problems.add(tooLong);
                continue;
            }
            if (h.isEmpty() && i == rawHeader.size() - 1) {
                continue;
            }
            int first = firstAt.computeIfAbsent(h, k -> header.size() - 1);
            if (first < i && COLUMNS.containsKey(h)) {
                // Like a duplicate JSON key: which of the two cells the officer meant cannot be known.
                problems.add(Problem.at("header[" + i + "]", "cột '" + h + "' lặp lại cột " + (first + 1),
                        "column '" + h + "' repeats column " + (first + 1)));
            } else if (!COLUMNS.containsKey(h)) {
                String guess = nearest(h);
                String shown = h.length() <= 60 ? h : h.substring(0, 57) + "…";
                problems.add(Problem.at("header[" + i + "]",
                        "cột '" + shown + "' không phải trường của đề xuất" + (guess == null ? "" : "; có phải ý bạn là '" + guess + "'?"),
                        "column '" + shown + "' is not a proposal field" + (guess == null ? "" : "; did you mean '" + guess + "'?")));
            }
        }
        for (String required : List.of("id", "name", "location.province", "sector", "investment.totalVnd")) {
            if (!firstAt.containsKey(required)) {
                problems.add(Problem.at("header", "thiếu cột bắt buộc '" + required + "'", "required column '" + required + "' is missing"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(400, "validation", "Tiêu đề danh sách không hợp lệ", "Invalid list header",
                    Problem.capped(problems, maxProblems));
        }
        kinds = new Kind[header.size()];
        steps = new String[header.size()][];
        for (int i = 0; i < header.size(); i++) {
            kinds[i] = COLUMNS.get(header.get(i));
            steps[i] = header.get(i).split("\\.");
        }
    }

    public static List<String> knownColumns() {
        return List.copyOf(COLUMNS.keySet());
    }

    /** Every column in the schema's order, with the kind of cell it takes: what a template of the list is made of. */
    public static Map<String, Kind> columnKinds() {
        return java.util.Collections.unmodifiableMap(COLUMNS);
    }

    /**
     * Whether a row (the one under the header) is the template's row of labels, which names each column in words
     * and holds no project: every filled cell is its column's label ("vi / en", or either alone), and one is filled.
     */
    public boolean isLabelRow(Map<Integer, String> cells) {
        boolean any = false;
        for (Map.Entry<Integer, String> cell : cells.entrySet()) {
            String raw = cell.getValue() == null ? "" : cell.getValue().strip();
            if (raw.isEmpty()) {
                continue;
            }
            int i = cell.getKey();
            if (i >= header.size() || kinds[i] == null || !ColumnWords.isLabel(header.get(i), raw)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** The same, for a row as a list of cells. */
    public boolean isLabelRow(List<String> cells) {
        Map<Integer, String> byColumn = new java.util.TreeMap<>();
        for (int i = 0; i < cells.size(); i++) {
            byColumn.put(i, cells.get(i));
        }
        return isLabelRow(byColumn);
    }

    /** The row as JSON, with a problem for each cell that could not be read as its field's type. */
    public BatchItem map(int index, List<String> cells) {
        return map(index, cells, Map.of());
    }

    /**
     * The same, given the cells the reader already refused (an Excel error, a cell too long to hold) and why. A
     * cell with a problem leaves null at its field rather than nothing: the field was given, only unreadably, and
     * is not reported a second time as missing ("investment" when only its total was unreadable).
     */
    public BatchItem map(int index, List<String> cells, Map<Integer, Text> refused) {
        ObjectNode root = NODES.objectNode();
        List<Problem> problems = new ArrayList<>();
        boolean beyond = cells.size() > header.size() && cells.subList(header.size(), cells.size()).stream().anyMatch(c -> !c.isBlank());
        begin(root, problems, cells.size(), beyond, refused);
        for (int i = 0; i < Math.min(cells.size(), header.size()); i++) {
            cell(root, problems, i, cells.get(i), refused);
        }
        return end(index, root, problems);
    }

    /**
     * A row read sparsely (Excel): only the cells present, by column from 0, so a row costs its cells, not the index
     * of its last column. A filled cell past the header is the row's problem, as in a CSV row.
     */
    public BatchItem map(int index, SortedMap<Integer, String> cells, Map<Integer, Text> refused) {
        ObjectNode root = NODES.objectNode();
        List<Problem> problems = new ArrayList<>();
        int width = cells.isEmpty() ? 0 : cells.lastKey() + 1;
        boolean beyond = cells.tailMap(header.size()).values().stream().anyMatch(c -> !c.isBlank());
        begin(root, problems, width, beyond, refused);
        cells.headMap(header.size()).forEach((i, cell) -> cell(root, problems, i, cell, refused));
        return end(index, root, problems);
    }

    /** The row's own problems, first: filled cells past the header (width is the row's, to its last cell), then refused cells. */
    private void begin(ObjectNode root, List<Problem> problems, int width, boolean beyond, Map<Integer, Text> refused) {
        if (beyond) {
            problems.add(Problem.at("$", "dòng có " + width + " ô nhưng tiêu đề có " + header.size() + " cột",
                    "the row has " + width + " cells but the header has " + header.size() + " columns"));
        }
        refused.forEach((column, why) -> {
            boolean field = column < header.size() && COLUMNS.containsKey(header.get(column));
            problems.add(new Problem(field ? header.get(column) : "$", why));
            if (field) {
                put(root, steps[column], NODES.nullNode());
            }
        });
    }

    /** The cell in column i (under the header) put at its field, or its problem. */
    private void cell(ObjectNode root, List<Problem> problems, int i, String cell, Map<Integer, Text> refused) {
        Kind kind = kinds[i];
        if (kind == null || refused.containsKey(i)) {
            return;
        }
        Problem tooLong = ProposalReader.tooLong(header.get(i), cell, maxChars);
        if (tooLong != null) {
            problems.add(tooLong);
            put(root, steps[i], NODES.nullNode());
            return;
        }
        String raw = text(cell).strip();
        if (raw.isEmpty()) {
            return;
        }
        try {
            JsonNode value = value(kind, raw, header.get(i));
            if (value != null) {
                put(root, steps[i], value);
            }
        } catch (IllegalArgumentException e) {
            String[] msg = e.getMessage().split("\\|", 2);
            problems.add(Problem.at(header.get(i), msg[0], msg[1]));
            put(root, steps[i], NODES.nullNode());
        }
    }

    private static BatchItem end(int index, ObjectNode root, List<Problem> problems) {
        // Every text in the tree was made from NFC text (codes are ASCII or normalised in code()): no second pass.
        return problems.isEmpty() ? BatchItem.of(index, root) : BatchItem.unreadable(index, root, problems);
    }

    private static JsonNode value(Kind kind, String raw, String path) {
        if ((kind == Kind.ENUM_LIST || kind == Kind.COMMUNES || kind == Kind.SOURCES) && ColumnWords.isNone(raw)) {
            return NODES.arrayNode();   // said to be none: an empty list, where an empty cell is unknown
        }
        return switch (kind) {
            case STRING -> NODES.textNode(raw);
            // A code, or its label in either language; anything else is left for the schema to name as it is.
            case ENUM -> NODES.textNode(ColumnWords.code(path, raw).orElse(raw));
            case INTEGER -> whole(integer(raw));
            case NUMBER -> NODES.numberNode(decimal(raw));
            case BOOLEAN -> ColumnWords.isUnknown(raw) ? null : NODES.booleanNode(bool(raw));
            case ENUM_LIST -> {
                ArrayNode a = NODES.arrayNode();
                for (String part : raw.split(";")) {
                    if (!part.isBlank()) {
                        a.add(ColumnWords.code(path, part.strip()).orElseGet(() -> code(part)));
                    }
                }
                yield a;
            }
            case COMMUNES -> {
                ArrayNode a = NODES.arrayNode();
                for (String part : raw.split(";")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    int colon = part.lastIndexOf(':');
                    ObjectNode c = a.addObject();
                    if (colon > 0 && isBool(part.substring(colon + 1).strip())) {
                        c.put("name", part.substring(0, colon).strip());
                        c.put("borderCommune", bool(part.substring(colon + 1).strip()));
                    } else if (colon > 0 && ColumnWords.isUnknown(part.substring(colon + 1))) {
                        c.put("name", part.substring(0, colon).strip());
                    } else {
                        c.put("name", part.strip());
                    }
                }
                yield a;
            }
            case SOURCES -> {
                ArrayNode a = NODES.arrayNode();
                for (String part : raw.split(";")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    String[] f = part.split(":");
                    if (f.length < 2 || f.length > 3) {
                        throw new IllegalArgumentException("nguồn vốn '" + part.strip() + "' phải có dạng LOẠI:sốTiền[:đãBảoĐảm]"
                                + "|funding source '" + part.strip() + "' must read TYPE:amountVnd[:secured]");
                    }
                    ObjectNode s = a.addObject();
                    s.put("type", ColumnWords.code(SOURCE_TYPE, f[0].strip()).orElseGet(() -> code(f[0])));
                    s.set("amountVnd", whole(integer(f[1])));
                    if (f.length == 3 && !ColumnWords.isUnknown(f[2])) {
                        s.put("secured", bool(f[2].strip()));
                    }
                }
                yield a;
            }
        };
    }

    /** A cell's text in NFC, without invisible characters; plain ASCII (most cells of a list) is already that. */
    private static String text(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            if (cell.charAt(i) >= 0x80) {
                return VietnameseText.nfc(cell);
            }
        }
        return cell;
    }

    /**
     * A whole number as a person types it ("95.000.000.000", "95 000 000 000"), as the node a list's cell gives,
     * or empty when it is not one: a form shows the text back and the schema names what is wrong with it.
     */
    public static java.util.Optional<JsonNode> wholeNumber(String raw) {
        try {
            return java.util.Optional.of(whole(integer(raw)));
        } catch (IllegalArgumentException | ArithmeticException e) {
            return java.util.Optional.empty();
        }
    }

    /** A number with '.' or the Vietnamese ',' as its decimal mark, or empty when it is not one. */
    public static java.util.Optional<JsonNode> number(String raw) {
        try {
            return java.util.Optional.of(NODES.numberNode(decimal(raw)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** Whole VND, also as offices type them: "95 000 000 000", "95.000.000.000", "95,000,000,000". */
    static BigDecimal integer(String raw) {
        String s = raw.strip();
        if (isPlainInteger(s)) {
            return BigDecimal.valueOf(Long.parseLong(s));
        }
        if (GROUPED.matcher(s).matches()) {
            s = s.replaceAll("[ .,]", "");
        }
        try {
            BigDecimal v = new BigDecimal(s);
            if (v.stripTrailingZeros().scale() > 0) {
                throw new NumberFormatException();
            }
            return v.setScale(0);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("phải là một số nguyên, nhận được '" + raw + "'|must be an integer, got '" + raw + "'");
        }
    }

    /**
     * A whole number as the node a JSON list would hold (an int or long, or a big integer past that), not a
     * decimal: the checks that compare years read integral nodes only.
     */
    private static JsonNode whole(BigDecimal v) {
        java.math.BigInteger b = v.toBigIntegerExact();
        return b.bitLength() < 32 ? NODES.numberNode(b.intValue())
                : b.bitLength() < 64 ? NODES.numberNode(b.longValue()) : NODES.numberNode(b);
    }

    /** Digits with an optional minus sign, few enough for a long. */
    private static boolean isPlainInteger(String s) {
        int start = s.startsWith("-") ? 1 : 0;
        if (s.length() == start || s.length() - start > 18) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A decimal with '.' or the Vietnamese ',' as the decimal mark. */
    static BigDecimal decimal(String raw) {
        try {
            return new BigDecimal(raw.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("phải là một số, nhận được '" + raw + "'|must be a number, got '" + raw + "'");
        }
    }

    private static boolean isBool(String raw) {
        if (raw.equals("true") || raw.equals("false")) {
            return true;
        }
        return switch (VietnameseText.fold(raw)) {
            case "true", "false", "yes", "no", "co", "khong", "x", "1", "0" -> true;
            default -> false;
        };
    }

    static boolean bool(String raw) {
        if (raw.equals("true") || raw.equals("false")) {  // as most cells hold them, without folding
            return raw.equals("true");
        }
        return switch (VietnameseText.fold(raw)) {
            case "true", "yes", "co", "x", "1" -> true;
            case "false", "no", "khong", "0" -> false;
            default -> throw new IllegalArgumentException("phải là có/không (true/false), nhận được '" + raw + "'"
                    + "|must be true or false (có/không), got '" + raw + "'");
        };
    }

    /** Codes as offices type them: "border gate" and "border-gate" are BORDER_GATE; the schema judges the result. */
    private static String code(String raw) {
        String s = raw.strip();
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
        }
        return plain ? s : VietnameseText.nfc(SEPARATORS.matcher(s.toUpperCase(Locale.ROOT)).replaceAll("_"));
    }

    private static void put(ObjectNode root, String[] steps, JsonNode value) {
        ObjectNode node = root;
        for (int i = 0; i < steps.length - 1; i++) {
            node = node.has(steps[i]) ? (ObjectNode) node.get(steps[i]) : node.putObject(steps[i]);
        }
        node.set(steps[steps.length - 1], value);
    }

    private static String nearest(String column) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : COLUMNS.keySet()) {
            int d = VietnameseText.distance(column.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        return bestDistance <= Math.max(2, column.length() / 3) ? best : null;
    }

    /** Every leaf path of the schema and the kind of cell it takes. */
    private static Map<String, Kind> columns() {
        JsonNode schema = Json.resource("schema/project-proposal.schema.json");
        Map<String, Kind> out = new LinkedHashMap<>();
        walk(schema, schema, "", out);
        return out;
    }

    private static void walk(JsonNode root, JsonNode node, String path, Map<String, Kind> out) {
        if (node.has("$ref")) {
            node = root.at(node.get("$ref").asText().substring(1));
        }
        switch (node.path("type").asText()) {
            case "object" -> node.path("properties").fields().forEachRemaining(e ->
                    walk(root, e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
            case "array" -> {
                if (node.path("items").has("enum")) {
                    out.put(path, Kind.ENUM_LIST);
                } else if (path.equals("location.communes")) {
                    out.put(path, Kind.COMMUNES);
                } else if (path.equals("investment.sources")) {
                    out.put(path, Kind.SOURCES);
                }
            }
            case "integer" -> out.put(path, Kind.INTEGER);
            case "number" -> out.put(path, Kind.NUMBER);
            case "boolean" -> out.put(path, Kind.BOOLEAN);
            default -> out.put(path, node.has("enum") ? Kind.ENUM : Kind.STRING);
        }
    }
}
