package vn.phendau.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import vn.phendau.common.Json;
import vn.phendau.problem.Problem;

/** The validator takes only a schema it can check as JSON Schema means it, and closes only the objects the schema closes. */
class SchemaValidatorTest {

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text.replace('\'', '"'));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{'type': 'object', 'properties': {'a': {'type': 'string', 'oneOf': []}}}",
            "{'type': 'object', 'properties': {'a': {'type': ['string', 'null']}}}",
            "{'type': 'object', 'properties': {'a': {'type': 'string', 'format': 'email'}}}",
            "{'type': 'object', 'additionalProperties': {'type': 'string'}}",
            "{'type': 'object', 'patternProperties': {'^x': {}}}",
            "{'$defs': {'s': {'type': 'string', 'minimum': 1, 'const': 'x'}}, 'type': 'object'}",
            "{'$defs': {'s': {'type': 'string'}}, 'type': 'object', 'properties': {'a': {'$ref': '#/$defs/s', 'maxLength': 3}}}",
            "{'type': 'object', 'properties': {'a': {'$ref': '#/$defs/nowhere'}}}",
            "{'type': 'object', 'properties': {'a': {'$ref': 'other.json#/x'}}}"})
    void aSchemaWithWhatItDoesNotImplementIsRefused(String schema) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SchemaValidator(json(schema)));
        assertTrue(e.getMessage().contains("not implemented") || e.getMessage().contains("names nothing"), e.getMessage());
    }

    @Test
    void theShippedSchemaIsTakenAndClosesEveryObject() {
        SchemaValidator v = new SchemaValidator(Json.resource("schema/project-proposal.schema.json"));
        JsonNode sample = Json.resource("samples/01-lang-son-duong-cua-khau-tan-thanh.json").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) sample.get("location")).put("provnce", "x");
        assertEquals(java.util.List.of("location.provnce"), v.validate(sample, "").stream().map(Problem::path).toList());
    }

    @Test
    void anObjectTheSchemaLeavesOpenTakesOtherFields() throws Exception {
        SchemaValidator open = new SchemaValidator(json("{'type': 'object', 'properties': {'a': {'type': 'string'}}}"));
        assertEquals(0, open.validate(json("{'a': 'x', 'b': 1}"), "").size());
        SchemaValidator closed = new SchemaValidator(json(
                "{'type': 'object', 'additionalProperties': false, 'properties': {'a': {'type': 'string'}}}"));
        assertEquals("b", closed.validate(json("{'a': 'x', 'b': 1}"), "").get(0).path());
    }
}
