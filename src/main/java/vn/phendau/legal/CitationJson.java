package vn.phendau.legal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a citation as the JSON it always is, encoded once. A citation quotes its paragraph in full, so the
 * citations are about half of every answer; encoding the same texts to UTF-8 again for every answer was the
 * largest part of writing one. The bytes are exactly those Jackson writes for the record.
 */
final class CitationJson extends StdSerializer<Citation> {

    /** The record written field by field, as it would be without this serializer: the one source of its JSON. */
    private static final ObjectMapper PLAIN = new ObjectMapper().addMixIn(Citation.class, FieldByField.class);

    @JsonSerialize(using = JsonSerializer.None.class)
    private interface FieldByField {
    }

    /** One entry per citation the legal text makes: its paragraphs and the versions of its provisions. */
    private static final Map<Citation, SerializableString> ENCODED = new ConcurrentHashMap<>();

    CitationJson() {
        super(Citation.class);
    }

    static String plain(Citation citation) throws IOException {
        return PLAIN.writeValueAsString(citation);
    }

    @Override
    public void serialize(Citation citation, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (!vn.phendau.common.Json.takesEncoded(gen)) {
            // A writer that lays out or escapes text its own way, or a tree, gets the fields themselves.
            PLAIN.writerFor(Citation.class).writeValue(gen, citation);
            return;
        }
        SerializableString json = ENCODED.get(citation);
        if (json == null) {
            json = new SerializedString(plain(citation));
            ENCODED.putIfAbsent(citation, json);
        }
        gen.writeRawValue(json);
    }
}
