package vn.phendau.proposal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.phendau.common.Json;
import vn.phendau.common.VietnameseText;
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

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final SchemaValidator schema = new SchemaValidator(Json.resource("schema/project-proposal.schema.json"));
    private final Provinces provinces;
    private final ProjectGroups groups;

    public ProposalReader(Provinces provinces, ProjectGroups groups) {
        this.provinces = provinces;
        this.groups = groups;
    }

    /** A node read from any carrier (an element of a list), normalised like a request body and judged by the same check. */
    public JsonNode readElement(com.fasterxml.jackson.core.JsonParser source) throws IOException {
        com.fasterxml.jackson.databind.util.TokenBuffer copy = new com.fasterxml.jackson.databind.util.TokenBuffer(source);
        copy.copyCurrentStructure(source);
        // Read from the copy, so that a duplicate key refuses this element alone and the list reads on.
        try (com.fasterxml.jackson.core.JsonParser element = copy.asParser(mapper)) {
            return normalise(mapper.readerFor(JsonNode.class)
                    .with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).readTree(element));
        }
    }

    /** A lenient-on-structure parser for a list's outer array; each element is then read by {@link #readElement}. */
    public com.fasterxml.jackson.core.JsonParser listParser(java.io.InputStream in) throws IOException {
        return new com.fasterxml.jackson.core.JsonFactory().createParser(in);
    }

    /** The body's JSON, parsed, normalised and checked: the tree the proposal record is made from. */
    public JsonNode readTree(byte[] body) {
        JsonNode node = parse(body);
        List<Problem> problems = check(node, "");
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return node;
    }

    public ProjectProposal read(byte[] body) {
        JsonNode node = parse(body);
        List<Problem> problems = check(node, "");
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
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
        try {
            return normalise(mapper.readTree(text));
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid(List.of(malformed(e)));
        } catch (IOException e) {
            throw ProblemException.invalid(List.of(Problem.at("$", "không đọc được nội dung JSON", "the JSON could not be read")));
        }
    }

    /** The body as text, or 400 at the first byte that is not UTF-8, with its line and column. */
    static String utf8(byte[] body) {
        int start = body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF ? 3 : 0;
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(body, start, body.length - start);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(body.length);
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            String before = out.toString();
            int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
            int column = before.length() - before.lastIndexOf('\n');
            String bad = String.format("0x%02X", body[in.position()] & 0xff);
            throw ProblemException.invalid(List.of(Problem.at("$",
                    "nội dung không phải UTF-8 (dòng " + line + ", cột " + column + "): byte " + bad,
                    "the body is not UTF-8 (line " + line + ", column " + column + "): byte " + bad)));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    public static Problem malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " (dòng " + at.getLineNr() + ", cột " + at.getColumnNr() + ")";
        String whereEn = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        String reason = reason(e.getOriginalMessage());
        return Problem.at(path(e), "JSON không hợp lệ" + where + ": " + reason, "malformed JSON" + whereEn + ": " + reason);
    }

    /**
     * Jackson's own words on what broke, without the parts that only speak to Java programmers:
     * "Unexpected character ('}' (code 125)): was expecting double-quote to start field name" keeps the character,
     * "Document nesting depth (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints…`)" keeps the numbers.
     */
    static String reason(String message) {
        String reason = String.valueOf(message).lines().findFirst().orElse("")
                .replaceAll(",?\\s*(from|as per) `[^`]*`", "")
                .replaceAll("\\s*\\([^()]*`[^()]*\\)", "")
                .replaceAll(": not allowed$", "")
                .replaceAll(" \\(code \\d+\\)", "")
                .strip();
        return reason.length() > 200 ? reason.substring(0, 200) + "…" : reason;
    }

    /** A duplicate key is reported at its own path ("location.province"); any other syntax error at "$". */
    private static String path(JsonProcessingException e) {
        if (!String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")
                || !(e.getProcessor() instanceof JsonParser parser)) {
            return "$";
        }
        java.util.Deque<String> segments = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                segments.push("[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                segments.push(c.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String s : segments) {
            path.append(path.isEmpty() || s.startsWith("[") ? "" : ".").append(s);
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    /** Schema problems, then the checks that need reference data, each under its path below the prefix. */
    public List<Problem> check(JsonNode node, String prefix) {
        List<Problem> problems = new ArrayList<>(schema.validate(node, prefix));
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
        String reason = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
        reason = reason.length() > 200 ? reason.substring(0, 200) + "…" : reason;
        return Problem.at(at, "không đọc được giá trị: " + reason, "the value cannot be read: " + reason);
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
