package vn.phendau.proposal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import vn.phendau.common.Json;
import vn.phendau.common.NotUtf8;
import vn.phendau.common.VietnameseText;
import vn.phendau.http.Limits;
import vn.phendau.problem.Problem;
import vn.phendau.problem.ProblemException;
import vn.phendau.reference.ProjectGroups;
import vn.phendau.reference.Provinces;

/**
 * The one way a proposal comes in, whatever carried it (a request body, an item of a list, a CSV row): parsed
 * strictly, its text NFC-normalised, checked against the schema and then against what the schema cannot say
 * (a known province, years in order), every problem reported at once with its path.
 */
@ApplicationScoped
public class ProposalReader {

    private final ObjectMapper mapper;
    /** For a list's outer array: the same bounds, one level deeper for the array itself. */
    private final JsonFactory listFactory;
    private final SchemaValidator schema = new SchemaValidator(Json.resource("schema/project-proposal.schema.json"));
    private final Provinces provinces;
    private final ProjectGroups groups;
    private final Limits limits;

    @Inject
    public ProposalReader(Provinces provinces, ProjectGroups groups, Limits limits) {
        this.provinces = provinces;
        this.groups = groups;
        this.limits = limits;
        this.mapper = new ObjectMapper(factory(limits.nestingDepth()))
                .registerModule(new JavaTimeModule())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.listFactory = factory(limits.nestingDepth() + 1);
    }

    /**
     * Jackson's own bounds: nesting stops at the configured depth while parsing (10,000 nested arrays are refused at
     * the first level past it, with no stack to overflow). Texts are bounded by the body's size and judged after
     * parsing, with their paths ({@link #overLimits}); Jackson's default bound on them stays as a guard on memory.
     */
    private JsonFactory factory(int depth) {
        StreamReadConstraints defaults = StreamReadConstraints.defaults();
        // Jackson counts UTF-16 units, the limit counts code points: one code point is at most two units.
        int units = (int) Math.min(Integer.MAX_VALUE, 2L * limits.stringChars());
        return JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(depth)
                .maxStringLength(Math.max(defaults.getMaxStringLength(), units))
                .maxNameLength(Math.max(defaults.getMaxNameLength(), units))
                .build()).build();
    }

    public Limits limits() {
        return limits;
    }

    /**
     * An element of a list, read from a list parser standing at its first token: normalised like a request body
     * and judged by the same check. A problem of the element alone (a duplicate key, a text over the limit) is
     * thrown as a ProblemException; a JsonProcessingException means the parser broke inside the element (bad
     * syntax, nesting past the limit), for {@link #broken} to name.
     */
    public JsonNode readElement(JsonParser source) throws IOException {
        // A buffer of its own, not tied to the list's parsing context, so that paths start at the element; and
        // decimals kept exact, as a request body's are (1e400 stays 1e400, to be refused as such).
        TokenBuffer copy = new TokenBuffer(mapper, false).forceUseOfBigDecimal(true);
        copy.copyCurrentStructure(source);
        // Read from the copy, so that a duplicate key refuses this element alone and the list reads on.
        JsonNode node;
        try (JsonParser element = copy.asParser(mapper)) {
            node = mapper.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).readTree(element);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid(List.of(malformed(e)));
        }
        List<Problem> over = overLimits(node);
        if (!over.isEmpty()) {
            throw ProblemException.invalid(over);
        }
        return normalise(node);
    }

    /** A parser for a list's outer array; each element is then read by {@link #readElement}. */
    public JsonParser listParser(java.io.InputStream in) throws IOException {
        return listFactory.createParser(in);
    }

    /** The same, over bytes in memory: one element of a list in an array of its own, read by {@link #readElement}. */
    public JsonParser listParser(byte[] bytes, int length) throws IOException {
        return listFactory.createParser(bytes, 0, length);
    }

    /**
     * Where a parser's first byte stands in a larger text (an element read on its own, in its list): the parser's
     * lines and columns, moved there, are the list's. Columns move on the first line only.
     */
    public record Origin(int line, int column) {

        public static final Origin START = new Origin(1, 1);

        int lineOf(int lineNr) {
            return line + lineNr - 1;
        }

        int columnOf(int lineNr, int columnNr) {
            return lineNr == 1 ? column + columnNr - 1 : columnNr;
        }

        /** Jackson's own "line: 1, column: 3" in its words (where an unclosed object started), moved too. */
        String moved(String message) {
            if (equals(START) || message == null) {
                return message;
            }
            java.util.regex.Matcher m = LINE_COLUMN.matcher(message);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                int l = Integer.parseInt(m.group(1));
                m.appendReplacement(out, "line: " + lineOf(l) + ", column: " + columnOf(l, Integer.parseInt(m.group(2))));
            }
            return m.appendTail(out).toString();
        }

        private static final java.util.regex.Pattern LINE_COLUMN = java.util.regex.Pattern.compile("line: (\\d+), column: (\\d+)");
    }

    /** The body's JSON, parsed, normalised and checked: the tree the proposal record is made from. */
    public JsonNode readTree(byte[] body) {
        JsonNode node = parse(body);
        List<Problem> problems = check(node, "");
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(Problem.capped(problems, limits.itemProblems()));
        }
        return node;
    }

    public ProjectProposal read(byte[] body) {
        JsonNode node = parse(body);
        List<Problem> problems = check(node, "");
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(Problem.capped(problems, limits.itemProblems()));
        }
        return convert(node);
    }

    /**
     * Strict JSON: no duplicate keys, nothing after the value; the problem says where it broke. The body is
     * decoded as UTF-8 first (API.md: JSON is UTF-8; a byte-order mark is tolerated), so that a column counts
     * the characters a person sees and an unquoted "Đường" is named as such, not as a stray byte of it.
     */
    public JsonNode parse(byte[] body) {
        String text = utf8(body);
        if (text.isBlank()) {
            throw ProblemException.invalid(List.of(Problem.at("$", "nội dung yêu cầu trống", "the request body is empty")));
        }
        try (JsonParser parser = mapper.createParser(text)) {
            JsonNode node;
            try {
                node = mapper.readTree(parser);
            } catch (JsonProcessingException e) {
                throw ProblemException.invalid(List.of(broken(e, parser, false, Origin.START)));
            }
            List<Problem> over = overLimits(node);
            if (!over.isEmpty()) {
                throw ProblemException.invalid(over);
            }
            return normalise(node);
        } catch (IOException e) {
            throw ProblemException.invalid(List.of(Problem.at("$", "không đọc được nội dung JSON", "the JSON could not be read")));
        }
    }

    /** The body as text, or 400 at the first byte that is not UTF-8, with its line and column. */
    static String utf8(byte[] body) {
        int start = VietnameseText.bomLength(body, 0, body.length);
        java.nio.charset.CharsetDecoder decoder = VietnameseText.strictUtf8();
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(body, start, body.length - start);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(body.length);
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        if (result.isError() || NotUtf8.wideAt(body, start, body.length) >= 0) {
            NotUtf8 at;
            try {
                at = NotUtf8.find(java.nio.channels.Channels.newChannel(
                        new java.io.ByteArrayInputStream(body, start, body.length - start)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);  // not from bytes in memory
            }
            throw ProblemException.invalid(List.of(Problem.at("$",
                    "nội dung không phải UTF-8 (dòng " + at.line() + ", cột " + at.column() + "): byte " + at.bad(),
                    "the body is not UTF-8 (line " + at.line() + ", column " + at.column() + "): byte " + at.bad())));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    public static Problem malformed(JsonProcessingException e) {
        return malformed(e, Origin.START);
    }

    private static Problem malformed(JsonProcessingException e, Origin origin) {
        JsonLocation at = e.getLocation();
        String line = at == null ? "" : String.valueOf(origin.lineOf(at.getLineNr()));
        String column = at == null ? "" : String.valueOf(origin.columnOf(at.getLineNr(), at.getColumnNr()));
        String where = at == null ? "" : " (dòng " + line + ", cột " + column + ")";
        String whereEn = at == null ? "" : " (line " + line + ", column " + column + ")";
        vn.phendau.common.Text reason = reason(origin.moved(e.getOriginalMessage()));
        return Problem.at(path(e), "JSON không hợp lệ" + where + ": " + reason.vi(), "malformed JSON" + whereEn + ": " + reason.en());
    }

    /**
     * What broke, in our words in both languages, never Jackson's own (its messages name Java classes and settings,
     * and are English only): the kind of error is read from Jackson's message, and only what the client wrote (a
     * character, a word, a field name, where an object opened) is carried over into ours.
     */
    static vn.phendau.common.Text reason(String message) {
        String m = String.valueOf(message).lines().findFirst().orElse("");
        String quoted = quoted(m);
        String shown = quoted == null ? "" : " '" + (quoted.length() <= 40 ? quoted : quoted.substring(0, 40) + "…") + "'";
        if (m.startsWith("Unexpected character")) {
            String vi = "ký tự" + shown + " không đúng chỗ";
            String en = "unexpected character" + shown;
            if (m.contains("comma to separate Object")) {
                return vn.phendau.common.Text.of(vi + ": thiếu dấu phẩy giữa các trường", en + ": expected a comma between fields");
            }
            if (m.contains("comma to separate Array")) {
                return vn.phendau.common.Text.of(vi + ": thiếu dấu phẩy giữa các phần tử", en + ": expected a comma between items");
            }
            if (m.contains("start field name")) {
                return vn.phendau.common.Text.of(vi + ": cần tên trường trong dấu ngoặc kép", en + ": expected a field name in double quotes");
            }
            if (m.contains("colon")) {
                return vn.phendau.common.Text.of(vi + ": cần dấu hai chấm sau tên trường", en + ": expected a colon after the field name");
            }
            if (m.contains("expected a value") || m.contains("expected a valid value")) {
                return vn.phendau.common.Text.of(vi + ": cần một giá trị", en + ": expected a value");
            }
            return vn.phendau.common.Text.of(vi, en);
        }
        if (m.startsWith("Unrecognized token")) {
            return vn.phendau.common.Text.of("từ" + shown + " không hợp lệ: cần chuỗi, số, mảng, đối tượng, true, false hoặc null",
                    "unrecognized token" + shown + ": expected a string, number, array, object, true, false or null");
        }
        if (m.startsWith("Unexpected close marker")) {
            return vn.phendau.common.Text.of("dấu đóng" + shown + " không khớp với dấu mở nào", "unexpected close marker" + shown);
        }
        if (m.startsWith("Unexpected end-of-input")) {
            java.util.regex.Matcher at = java.util.regex.Pattern.compile("line: (\\d+), column: (\\d+)").matcher(m);
            boolean opened = at.find();
            String what = m.contains("Object") ? "đối tượng|object" : m.contains("Array") ? "mảng|array" : null;
            if (opened && what != null) {
                String[] w = what.split("\\|");
                return vn.phendau.common.Text.of("JSON kết thúc khi " + w[0] + " mở ở dòng " + at.group(1) + ", cột " + at.group(2) + " chưa đóng",
                        "the JSON ends before the " + w[1] + " opened at line " + at.group(1) + ", column " + at.group(2) + " is closed");
            }
            return vn.phendau.common.Text.of("JSON kết thúc giữa chừng", "the JSON ends too soon");
        }
        if (m.startsWith("Duplicate field")) {
            return vn.phendau.common.Text.of("trường" + shown + " lặp lại", "duplicate field" + shown);
        }
        if (m.startsWith("Number value length") || m.startsWith("Number length")) {
            return vn.phendau.common.Text.of("số có quá nhiều chữ số", "a number with too many digits");
        }
        if (m.startsWith("String value length") || m.startsWith("String length")) {
            return vn.phendau.common.Text.of("chuỗi quá dài", "a text too long");
        }
        if (m.startsWith("Name length") || m.startsWith("Name value length")) {
            return vn.phendau.common.Text.of("tên trường quá dài", "a field name too long");
        }
        if (m.startsWith("Illegal unquoted character")) {
            return vn.phendau.common.Text.of("ký tự điều khiển trong chuỗi phải được viết thoát (\\n, \\t, \\u0000)",
                    "a control character in a text must be escaped (\\n, \\t, \\u0000)");
        }
        if (m.startsWith("Unrecognized character escape") || m.contains("escape sequence")) {
            return vn.phendau.common.Text.of("chuỗi thoát không hợp lệ", "an invalid escape sequence");
        }
        if (m.startsWith("Non-standard token") || m.startsWith("Invalid numeric value") || m.contains("Leading zero")
                || m.contains("Leading plus") || m.contains("numeric value")) {
            return vn.phendau.common.Text.of("số" + shown + " không hợp lệ trong JSON", "an invalid JSON number" + shown);
        }
        if (m.startsWith("Trailing token")) {
            return vn.phendau.common.Text.of("còn nội dung sau giá trị JSON", "more content after the JSON value");
        }
        if (m.contains("UTF-8") || m.contains("UTF8")) {
            return vn.phendau.common.Text.of("không phải văn bản UTF-8", "not UTF-8 text");
        }
        return vn.phendau.common.Text.of("cú pháp JSON không hợp lệ", "invalid JSON syntax");
    }

    /** The first thing Jackson quotes of what it read ('x', "x"), without its "(code 44)"; null when none. */
    private static String quoted(String m) {
        java.util.regex.Matcher q = java.util.regex.Pattern.compile("\\('(.*?)' \\(code \\d+\\)\\)|'(.*?)'(?=[:\\s)]|$)|\\(\"(.*?)\"").matcher(m);
        if (!q.find()) {
            return null;
        }
        return q.group(1) != null ? q.group(1) : q.group(2) != null ? q.group(2) : q.group(3);
    }

    /** A duplicate key is reported at its own path ("location.province"); any other syntax error at "$". */
    private static String path(JsonProcessingException e) {
        if (!String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")
                || !(e.getProcessor() instanceof JsonParser parser)) {
            return "$";
        }
        return path(parser.getParsingContext(), false);
    }

    /**
     * Where a parser stands, as a path: "location.communes[2].name", "$" at the top. In a list, without the list's
     * own index (the item's index is reported beside its problems).
     */
    private static String path(JsonStreamContext at, boolean inList) {
        java.util.Deque<String> segments = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = at; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                segments.push("[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                segments.push(c.getCurrentName());
            }
        }
        if (inList && !segments.isEmpty()) {
            segments.pop();
        }
        StringBuilder path = new StringBuilder();
        for (String s : segments) {
            path.append(path.isEmpty() || s.startsWith("[") ? "" : ".").append(s);
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    /**
     * The problem a parser stopped at. Nesting past the limit is named at the container that went too deep (the
     * parser has just opened it); a number or text past Jackson's bounds at the value; anything else as malformed
     * JSON where it broke, its line and column moved to the origin of the parser's text.
     */
    public Problem broken(JsonProcessingException e, JsonParser parser, boolean inList, Origin origin) {
        if (!(e instanceof StreamConstraintsException)) {
            return malformed(e, origin);
        }
        if (String.valueOf(e.getOriginalMessage()).contains("nesting depth")) {
            int max = limits.nestingDepth();
            return Problem.at(path(parser.getParsingContext().getParent(), inList),
                    "lồng sâu quá giới hạn " + max + " cấp đối tượng và mảng",
                    "nested deeper than the limit of " + max + " levels of objects and arrays");
        }
        vn.phendau.common.Text reason = reason(e.getOriginalMessage());
        return Problem.at(path(parser.getParsingContext(), inList), "giá trị vượt giới hạn: " + reason.vi(), "value over the limit: " + reason.en());
    }

    /** Texts and field names longer than the limit, each at its path; checked before anything reads them further. */
    public List<Problem> overLimits(JsonNode node) {
        if (!exceeds(node, limits.stringChars())) {
            return List.of();  // the usual case, found without building a path
        }
        List<Problem> out = new ArrayList<>();
        overLimits(node, "", out);
        return out;
    }

    /** Whether any text or name may be over the limit: a UTF-16 length within it is within it in code points too. */
    private static boolean exceeds(JsonNode node, int max) {
        if (node.isTextual()) {
            return node.asText().length() > max;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getKey().length() > max || exceeds(f.getValue(), max)) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode e : node) {
                if (exceeds(e, max)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void overLimits(JsonNode node, String path, List<Problem> out) {
        int max = limits.stringChars();
        if (node.isTextual()) {
            Problem p = tooLong(path.isEmpty() ? "$" : path, node.asText(), max);
            if (p != null) {
                out.add(p);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                overLimits(node.get(i), path + "[" + i + "]", out);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                int length = f.getKey().codePointCount(0, f.getKey().length());
                if (length > max) {
                    out.add(Problem.at(path.isEmpty() ? "$" : path,
                            "có tên trường dài " + length + " ký tự, vượt giới hạn " + max + " ký tự",
                            "holds a field name of " + length + " characters, over the limit of " + max));
                } else {
                    overLimits(f.getValue(), SchemaValidator.join(path, f.getKey()), out);
                }
            }
        }
    }

    /** A text over the limit of characters (code points), as a problem at its path; null when within it. */
    public static Problem tooLong(String path, String text, int max) {
        return text.length() > max && text.codePointCount(0, text.length()) > max ? tooLong(path, max) : null;
    }

    /** The problem of a text over the limit (its exact length is not always known: a long cell is not read whole). */
    public static Problem tooLong(String path, int max) {
        return Problem.at(path, "dài hơn giới hạn " + max + " ký tự", "longer than the limit of " + max + " characters");
    }

    /** Schema problems, then the checks that need reference data, each under its path below the prefix. */
    public List<Problem> check(JsonNode node, String prefix) {
        List<Problem> problems = new ArrayList<>(schema.check(node, prefix));
        if (!node.isObject()) {
            return problems;
        }
        JsonNode province = node.at("/location/province");
        if (province.isTextual() && !province.asText().isBlank() && provinces.resolve(province.asText()).isEmpty()) {
            String near = String.join(", ", provinces.suggest(province.asText(), 3));
            problems.add(Problem.at(SchemaValidator.join(prefix, "location.province"),
                    "không tìm thấy tỉnh, thành phố '" + SchemaValidator.abbreviate(province.asText()) + "'; có phải ý bạn là: " + near + "?",
                    "unknown province '" + SchemaValidator.abbreviate(province.asText()) + "'; did you mean: " + near + "?"));
        }
        JsonNode start = node.at("/schedule/startYear");
        JsonNode end = node.at("/schedule/endYear");
        if (start.isIntegralNumber() && end.isIntegralNumber() && end.asInt() < start.asInt()) {
            problems.add(Problem.at(SchemaValidator.join(prefix, "schedule.endYear"),
                    "năm kết thúc " + end.asInt() + " trước năm bắt đầu " + start.asInt(),
                    "end year " + end.asInt() + " is before start year " + start.asInt()));
        }
        JsonNode date = node.path("assessmentDate");
        if (date.isTextual() && problems.stream().noneMatch(p -> p.path().endsWith("assessmentDate"))
                && LocalDate.parse(date.asText()).isBefore(groups.earliest())) {
            problems.add(Problem.at(SchemaValidator.join(prefix, "assessmentDate"),
                    "phải từ ngày " + groups.earliest() + " (ngày Luật Đầu tư công số 39/2019/QH14 có hiệu lực)",
                    "must be on or after " + groups.earliest() + " (when Public Investment Law 39/2019/QH14 took effect)"));
        }
        return problems;
    }

    /**
     * A node that passed {@link #check} as the proposal record. What the schema allows but Java cannot hold
     * (a count past 2147483647, where the schema sets no maximum) is reported at its field, not as malformed JSON.
     */
    public ProjectProposal convert(JsonNode node) {
        try {
            return mapper.treeToValue(node, ProjectProposal.class);
        } catch (JsonMappingException e) {
            throw ProblemException.invalid(List.of(unconvertible(e)));
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid(List.of(malformed(e)));
        }
    }

    private static Problem unconvertible(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        String at = path.isEmpty() ? "$" : path.toString();
        if (e.getCause() instanceof InputCoercionException c) {
            String max = c.getTargetType() == Integer.class || c.getTargetType() == int.class
                    ? String.valueOf(Integer.MAX_VALUE) : String.valueOf(Long.MAX_VALUE);
            return Problem.at(at, "số quá lớn; tối đa " + max, "number too large; at most " + max);
        }
        // Jackson's words on it name Java types: ours only say where.
        return Problem.at(at, "không đọc được giá trị ở trường này", "the value of this field cannot be read");
    }

    /** Every string NFC, without zero-width characters: "Lạng Sơn" typed on any keyboard is one name. */
    public static JsonNode normalise(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.fields().forEachRemaining(e -> e.setValue(normalise(e.getValue())));
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, normalise(a.get(i)));
            }
        } else if (node != null && node.isTextual()) {
            String s = node.asText();
            String n = VietnameseText.nfc(s);
            return n.equals(s) ? node : TextNode.valueOf(n);
        }
        return node;
    }
}
