package vn.phendau.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vn.phendau.common.Json;
import vn.phendau.problem.Problem;
import vn.phendau.rules.RuleCasesTest;

/**
 * The service's own schema validator against an independent implementation of JSON Schema 2020-12
 * (networknt json-schema-validator), over every JSON proposal the tests hold: the samples, the bad-input corpus and
 * the rule cases. For each, the two must agree on valid or invalid and on the paths of the problems. A keyword the
 * service read differently from the standard, or ignored, shows here.
 */
class SchemaDifferentialTest {

    private static final JsonNode SCHEMA_JSON = Json.resource("schema/project-proposal.schema.json");
    private static final SchemaValidator OURS = new SchemaValidator(SCHEMA_JSON);
    private static final Schema THEIRS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of("https://phendau.vn/schema/project-proposal"), SCHEMA_JSON);

    @TestFactory
    Stream<DynamicTest> bothValidatorsAgree() throws IOException {
        Map<String, JsonNode> inputs = inputs();
        assertTrue(inputs.size() > 200, "the inputs were found: " + inputs.size());
        return inputs.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            List<Problem> ourProblems = OURS.validate(e.getValue(), "");
            TreeSet<String> ours = new TreeSet<>();
            for (Problem p : ourProblems) {
                ours.add(p.path());
            }
            // Format is only an annotation in 2020-12 unless asserted; the service asserts "date", as clients expect.
            List<Error> errors = THEIRS.validate(e.getValue(), ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
            TreeSet<String> theirs = new TreeSet<>();
            for (Error error : errors) {
                theirs.addAll(paths(error));
            }
            String both = e.getKey() + ": the service's " + ourProblems + "; networknt's " + errors;
            assertEquals(theirs.isEmpty(), ours.isEmpty(), "valid or not; " + both);
            assertEquals(theirs, ours, "the problems' paths; " + both);
        }));
    }

    /**
     * networknt's places of an error, as the service writes paths ({@code location.communes[0].name}). An array
     * with repeated items is networknt's one error; the service names each repeat, so the repeats are found here.
     */
    private static List<String> paths(Error error) {
        String at = path(error);
        if (!"uniqueItems".equals(error.getKeyword())) {
            return List.of(at);
        }
        List<String> repeats = new java.util.ArrayList<>();
        java.util.Set<JsonNode> seen = new java.util.HashSet<>();
        for (int i = 0; i < error.getInstanceNode().size(); i++) {
            if (!seen.add(error.getInstanceNode().get(i))) {
                repeats.add(at + "[" + i + "]");
            }
        }
        return repeats;
    }

    private static String path(Error error) {
        StringBuilder path = new StringBuilder();
        NodePath at = error.getInstanceLocation();
        for (int i = 0; i < at.getNameCount(); i++) {
            Object element = at.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(element);
            }
        }
        // A missing or unknown field is the field's own problem in the service's answers, not its object's.
        if (error.getProperty() != null
                && ("required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword()))) {
            path.append(path.isEmpty() ? "" : ".").append(error.getProperty());
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    /** Every JSON proposal the tests hold, by where it comes from. */
    private static Map<String, JsonNode> inputs() throws IOException {
        Map<String, JsonNode> inputs = new TreeMap<>();
        for (Path f : files(Path.of("samples"), 1)) {
            inputs.put(f.toString(), read(f));
        }
        for (Path f : files(Path.of("src/test/resources/bad-inputs"), 3)) {
            JsonNode c = read(f);
            // Only what reaches the validator: a single proposal posted as JSON, read as a tree.
            if (c.has("body") && c.path("endpoint").asText("/api/v1/assessments").matches("/api/v1/(assessments|proposals/validate)")
                    && "application/json".equals(c.path("contentType").asText("application/json")) && !c.has("headers")) {
                inputs.put(f.toString(), c.get("body"));
            }
        }
        Path cases = Path.of("src/test/resources/cases");
        for (Path f : files(cases, 2)) {
            JsonNode c = read(f);
            if (f.startsWith(cases.resolve("bases"))) {
                inputs.put(f.toString(), c);
                continue;
            }
            JsonNode base = read(cases.resolve("bases").resolve(c.path("base").asText("lang-son-road") + ".json"));
            if (c.has("input")) {
                inputs.put(f.toString(), RuleCasesTest.merge(base.deepCopy(), c.get("input")));
            }
            for (int i = 0; i < c.path("list").size(); i++) {
                inputs.put(f + "#" + i, RuleCasesTest.merge(base.deepCopy(), c.get("list").get(i)));
            }
        }
        return inputs;
    }

    private static List<Path> files(Path dir, int depth) throws IOException {
        try (Stream<Path> walk = Files.walk(dir, depth)) {
            return walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static JsonNode read(Path f) throws IOException {
        return Json.MAPPER.readTree(Files.readAllBytes(f));
    }
}
