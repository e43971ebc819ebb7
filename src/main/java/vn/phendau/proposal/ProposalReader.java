package vn.phendau.proposal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
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

    public ProjectProposal read(byte[] body) {
        JsonNode node = parse(body);
        List<Problem> problems = check(node, "");
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return convert(node);
    }

    /** Strict JSON: no duplicate keys, nothing after the value; the problem says where it broke. */
    public JsonNode parse(byte[] body) {
        if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw ProblemException.invalid(List.of(Problem.at("$", "nội dung yêu cầu trống", "the request body is empty")));
        }
        try {
            return normalise(mapper.readTree(body));
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid(List.of(malformed(e)));
        } catch (IOException e) {
            throw ProblemException.invalid(List.of(Problem.at("$", "không đọc được nội dung JSON", "the JSON could not be read")));
        }
    }

    public static Problem malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " (dòng " + at.getLineNr() + ", cột " + at.getColumnNr() + ")";
        String whereEn = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        String reason = e.getOriginalMessage().lines().findFirst().orElse("").replaceAll("\\s*\\(.*$", "");
        reason = reason.length() > 200 ? reason.substring(0, 200) + "…" : reason;
        return Problem.at(path(e), "JSON không hợp lệ" + where + ": " + reason, "malformed JSON" + whereEn + ": " + reason);
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

    /** A node that passed {@link #check} as the proposal record. */
    public ProjectProposal convert(JsonNode node) {
        try {
            return mapper.treeToValue(node, ProjectProposal.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid(List.of(malformed(e)));
        }
    }

    /** Every string NFC, without zero-width characters: "Lạng Sơn" typed on any keyboard is one name. */
    static JsonNode normalise(JsonNode node) {
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
