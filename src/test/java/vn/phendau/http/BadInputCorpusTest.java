package vn.phendau.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vn.phendau.batch.Fixtures;

/**
 * The hostile-input corpus (issue 8): every file under src/test/resources/bad-inputs/ is one request and what the
 * spec says it must get (the format is in that folder's README.md). Each case is sent to the running service and
 * checked: the expected status, never a 5xx, never a stack trace; for a refusal, problem+json with exactly the
 * expected paths; for a list answered 200, exactly the expected items in errors (index and paths) and every other
 * item in results. After each case the service must still assess a valid proposal.
 */
@QuarkusTest
class BadInputCorpusTest {

    static final Path CORPUS = Path.of("src", "test", "resources", "bad-inputs");
    static final String ASSESS = "/api/v1/assessments";
    static final String BATCH = "/api/v1/assessments/batch";
    /** Descriptors keep numbers as written: 1e400 stays 1E+400, not an infinite double. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final String MINIMAL = "{\"id\":\"%s\",\"name\":\"Đường tuần tra\",\"location\":{\"province\":\"Lạng Sơn\"},"
            + "\"sector\":\"TRANSPORT\",\"investment\":{\"totalVnd\":50000000000}%s}";

    @TestHTTPResource("/")
    URI root;

    @TestFactory
    Stream<DynamicTest> everyCaseOfTheCorpus() throws IOException {
        // Read from the working directory (the project), as the samples are.
        assertTrue(Files.isDirectory(CORPUS), "no corpus at " + CORPUS.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            files = walk.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat("cases in the corpus", files.size(), greaterThanOrEqualTo(200));
        return files.stream().map(f -> dynamicTest(CORPUS.relativize(f).toString(), f.toUri(), () -> run(f)));
    }

    private void run(Path file) throws Exception {
        JsonNode c = MAPPER.readTree(file.toFile());
        String endpoint = c.path("endpoint").asText(ASSESS);
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(endpoint)).timeout(Duration.ofMinutes(2))
                .method(c.path("method").asText("POST"), HttpRequest.BodyPublishers.ofByteArray(body(c)));
        if (!c.has("contentType")) {
            request.header("Content-Type", "application/json");
        } else if (!c.get("contentType").isNull()) {
            request.header("Content-Type", c.get("contentType").asText());
        }
        c.path("headers").fields().forEachRemaining(h -> request.header(h.getKey(), h.getValue().asText()));
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        String body = response.body();
        int status = c.path("status").asInt();
        assertThat("never a 5xx; body: " + clip(body), response.statusCode(), lessThan(500));
        ProblemAssert.noStackTrace(body);
        assertThat("nothing read through an external entity", body, not(containsString("PHENDAU-CANARY")));
        assertEquals(status, response.statusCode(), () -> "status; body: " + clip(body));
        if (status >= 400) {
            ProblemAssert p = ProblemAssert.problem(response, status);
            assertEquals(strings(c.path("paths")), new TreeSet<>(p.paths()), () -> "problem paths; body: " + clip(body));
            assertThat("no Java in the messages", body, not(containsString("`")));
            if (c.has("contains")) {
                assertThat(body, containsString(c.get("contains").asText()));
            }
        } else if (endpoint.startsWith(BATCH)) {
            assertList(c, MAPPER.readTree(body), body);
        } else {
            assertThat(body, MAPPER.readTree(body).path("verdict").asText(), not(""));
        }
        stillAnswers();
    }

    /** A list answered 200: the expected items in errors with exactly their paths, every other item in results, once. */
    private static void assertList(JsonNode c, JsonNode answer, String body) {
        int total = c.path("total").asInt();
        assertEquals(total, answer.at("/summary/total").asInt(), () -> "items read; body: " + clip(body));
        Map<Integer, Set<String>> expected = new TreeMap<>();
        for (JsonNode e : c.path("errors")) {
            expected.put(e.get("index").asInt(), strings(e.path("paths")));
        }
        Map<Integer, Set<String>> actual = new TreeMap<>();
        for (JsonNode e : answer.path("errors")) {
            Set<String> paths = new TreeSet<>();
            e.path("problems").forEach(p -> paths.add(p.path("path").asText()));
            assertEquals(null, actual.put(e.path("index").asInt(), paths), "each item once");
        }
        assertEquals(expected, actual, () -> "errors by index; body: " + clip(body));
        List<Integer> seen = new ArrayList<>(actual.keySet());
        answer.path("results").forEach(r -> seen.add(r.path("index").asInt()));
        assertEquals(IntStream.range(0, total).boxed().toList(), seen.stream().sorted().toList(),
                () -> "every item exactly once, in results or errors; body: " + clip(body));
        assertEquals(total - expected.size(), answer.at("/summary/assessed").asInt());
        assertEquals(expected.size(), answer.at("/summary/invalid").asInt());
    }

    /** The service still assesses a valid proposal after the case. */
    private void stillAnswers() throws Exception {
        HttpRequest valid = HttpRequest.newBuilder(root.resolve(ASSESS)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Payloads.bytes("valid/minimal.json"))).build();
        HttpResponse<String> r = CLIENT.send(valid, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), "a valid proposal after the case: " + clip(r.body()));
    }

    // ---- bodies -------------------------------------------------------------------------------------------------

    static byte[] body(JsonNode c) throws IOException {
        if (c.has("body")) {
            return MAPPER.writeValueAsBytes(c.get("body"));
        }
        if (c.has("text")) {
            return c.get("text").asText().getBytes(StandardCharsets.UTF_8);
        }
        if (c.has("base64")) {
            return Base64.getDecoder().decode(c.get("base64").asText());
        }
        if (c.has("generate")) {
            return generate(c.get("generate"));
        }
        return new byte[0];
    }

    /** Bodies too large or too binary to keep in a file, built the same way on every run. */
    static byte[] generate(JsonNode g) {
        String kind = g.path("kind").asText();
        return switch (kind) {
            case "deep-nesting" -> deepNesting(g.path("depth").asInt(), g.path("field").asText(null), g.path("list").asBoolean());
            case "long-text" -> longText(g);
            case "random-bytes" -> randomBytes(g);
            case "xlsx" -> Fixtures.xlsx(g.has("header") ? list(g.get("header")) : Fixtures.MINIMAL, rows(g.path("rows")));
            case "xlsx-sheet-xml" -> Fixtures.withSheet(Fixtures.sheetXml("", Fixtures.header(1) + g.path("rows").asText()));
            case "xlsx-zip-bomb" -> Fixtures.zipBomb();
            case "xlsx-encrypted" -> Fixtures.encrypted(goodWorkbook());
            case "xlsm" -> Fixtures.xlsm(Fixtures.MINIMAL, List.of(Fixtures.minimal("M-1", "m", 1_000_000_000L)));
            case "xlsx-vba-project" -> Fixtures.withVbaProject(goodWorkbook());
            case "xls-legacy" -> Fixtures.legacyXls(Fixtures.MINIMAL, List.of(Fixtures.minimal("L-1", "l", 1_000_000_000L)));
            case "xlsx-truncated" -> Arrays.copyOf(goodWorkbook(), goodWorkbook().length / 2);
            case "xlsx-xxe" -> xxe(g.path("part").asText());
            default -> throw new IllegalArgumentException("no generator '" + kind + "'");
        };
    }

    private static byte[] goodWorkbook() {
        return Fixtures.xlsx(Fixtures.MINIMAL, List.of(Fixtures.minimal("OK-1", "tốt", 50_000_000_000L)));
    }

    /** A proposal whose field (or the whole body, when none) is arrays nested depth deep; in a list between two good ones. */
    private static byte[] deepNesting(int depth, String field, boolean list) {
        String deep = "[".repeat(depth) + "]".repeat(depth);
        String one = field == null ? deep : MINIMAL.formatted("DEEP", ",\"" + field + "\":" + deep);
        return utf8(list ? "[" + MINIMAL.formatted("A", "") + "," + one + "," + MINIMAL.formatted("C", "") + "]" : one);
    }

    /**
     * A text of the given length (in the given character, "x" by default) in the field of a proposal, or as a field
     * name when "name" is true; as one proposal (format json), or as the middle of three items of a list (json-list,
     * csv, xlsx).
     */
    private static byte[] longText(JsonNode g) {
        String text = g.path("char").asText("x").repeat(g.path("chars").asInt());
        String field = g.path("field").asText("description");
        boolean asName = g.path("name").asBoolean();
        String format = g.path("format").asText("json");
        switch (format) {
            case "json", "json-list" -> {
                String extra = asName ? ",\"" + text + "\":1" : ",\"" + field + "\":\"" + text + "\"";
                String one = MINIMAL.formatted("LONG", extra);
                return utf8(format.equals("json") ? one : "[" + MINIMAL.formatted("A", "") + "," + one + "," + MINIMAL.formatted("C", "") + "]");
            }
            case "csv", "xlsx" -> {
                List<String> header = new ArrayList<>(Fixtures.MINIMAL);
                if (!header.contains(field)) {
                    header.add(field);
                }
                List<List<Object>> rows = new ArrayList<>();
                for (String id : List.of("A", "LONG", "C")) {
                    List<Object> row = Fixtures.minimal(id, "Đường " + id, 50_000_000_000L);
                    while (row.size() < header.size()) {
                        row.add(null);
                    }
                    if (id.equals("LONG")) {
                        row.set(header.indexOf(field), text);
                    }
                    rows.add(row);
                }
                if (format.equals("xlsx")) {
                    return Fixtures.xlsx(header, rows);
                }
                StringBuilder csv = new StringBuilder(String.join(",", header)).append("\r\n");
                for (List<Object> row : rows) {
                    csv.append(String.join(",", row.stream().map(v -> v == null ? "" : v.toString()).toList())).append("\r\n");
                }
                return utf8(csv.toString());
            }
            default -> throw new IllegalArgumentException("no format '" + format + "'");
        }
    }

    private static byte[] randomBytes(JsonNode g) {
        byte[] prefix = g.path("prefix").asText("").getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[prefix.length + g.path("bytes").asInt()];
        new Random(g.path("seed").asLong(23)).nextBytes(out);
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        return out;
    }

    /** A workbook whose sheet or shared strings declare an external entity pointing at a canary file. */
    private static byte[] xxe(String part) {
        Path canary = Fixtures.canary();
        if (part.equals("sheet")) {
            String rows = Fixtures.header(1) + Fixtures.inlineRow(2, "XXE-1", "&xxe;", "Lạng Sơn", "TRANSPORT", "1000");
            return Fixtures.withSheet(Fixtures.sheetXml(Fixtures.doctype("worksheet", canary), rows));
        }
        String sst = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + Fixtures.doctype("sst", canary)
                + "<sst xmlns=\"" + Fixtures.NS + "\"><si><t>&xxe;</t></si></sst>";
        return Fixtures.rezip(goodWorkbook(), Map.of("xl/sharedStrings.xml", sst));
    }

    private static List<List<Object>> rows(JsonNode rows) {
        List<List<Object>> out = new ArrayList<>();
        for (JsonNode r : rows) {
            List<Object> row = new ArrayList<>();
            for (JsonNode v : r) {
                row.add(v.isNull() ? null : v.isBoolean() ? v.booleanValue() : v.isNumber() ? (Object) new BigDecimal(v.asText()) : v.asText());
            }
            out.add(row);
        }
        return out;
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String clip(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000) + "…";
    }

}
