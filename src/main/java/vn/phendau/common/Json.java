package vn.phendau.common;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads the service's own data files (not client input: that goes through the proposal reader). */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // An absent field is unknown; writing it as null would make it a value the schema refuses.
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    private Json() {
    }

    /**
     * Whether the generator writes JSON text, laid out and escaped as Jackson does by default, so that bytes encoded
     * once can be written into it as they are. Not a buffer of tokens (valueToTree), which would keep them as one
     * opaque value, nor a writer with its own layout or escapes.
     */
    public static boolean takesEncoded(com.fasterxml.jackson.core.JsonGenerator gen) {
        return gen instanceof com.fasterxml.jackson.core.json.JsonGeneratorImpl && gen.getPrettyPrinter() == null
                && gen.getCharacterEscapes() == null
                && !gen.isEnabled(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
    }

    public static JsonNode resource(String path) {
        try {
            return MAPPER.readTree(Resources.bytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    public static <T> T resource(String path, Class<T> type) {
        try {
            return MAPPER.readValue(Resources.bytes(path), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
