package vn.phendau.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a text as the JSON Jackson writes for the record ({"vi":…,"en":…}), and a text known before any request
 * (a rule's title without placeholders, a criterion's title) from bytes encoded once: every answer carries dozens
 * of them, in Vietnamese, and encoding them to UTF-8 again for every answer was a large part of writing one.
 */
public final class TextJson extends StdSerializer<Text> {

    /** The record written field by field, as it would be without this serializer: the one source of the bytes. */
    private static final ObjectMapper PLAIN = new ObjectMapper().addMixIn(Text.class, FieldByField.class);

    @JsonSerialize(using = JsonSerializer.None.class)
    private interface FieldByField {
    }

    /** Only texts of the service's own data: a text made from a proposal is never kept. */
    private static final Map<Text, SerializableString> KNOWN = new ConcurrentHashMap<>();

    public TextJson() {
        super(Text.class);
    }

    /** The text, to be written from bytes encoded now; for texts of the rules and reference data only. */
    public static Text known(Text text) {
        if (text.vi() != null && text.en() != null) {
            KNOWN.computeIfAbsent(text, t -> {
                try {
                    return new SerializedString(PLAIN.writeValueAsString(t));
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return text;
    }

    @Override
    public void serialize(Text text, JsonGenerator gen, SerializerProvider provider) throws IOException {
        // A writer that lays out or escapes text its own way, or a tree, gets the fields themselves.
        SerializableString json = Json.takesEncoded(gen) ? KNOWN.get(text) : null;
        if (json != null) {
            gen.writeRawValue(json);
            return;
        }
        JsonInclude.Include inclusion = provider.getConfig().getDefaultPropertyInclusion(Text.class).getValueInclusion();
        gen.writeStartObject(text);
        field(gen, "vi", text.vi(), inclusion);
        field(gen, "en", text.en(), inclusion);
        gen.writeEndObject();
    }

    /** A field as the mapper's inclusion has it: always (its default), or not when null (Json.MAPPER), or empty. */
    private static void field(JsonGenerator gen, String name, String value, JsonInclude.Include inclusion) throws IOException {
        boolean left = switch (inclusion) {
            case ALWAYS, USE_DEFAULTS -> false;
            case NON_EMPTY, NON_DEFAULT -> value == null || value.isEmpty();
            default -> value == null;
        };
        if (!left) {
            gen.writeStringField(name, value);
        }
    }
}
