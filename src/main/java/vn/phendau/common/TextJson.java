package vn.phendau.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;

/**
 * Writes a text as the JSON Jackson writes for the record ({"vi":…,"en":…}); a text known before any request (a
 * rule's title without placeholders, a criterion's title) from bytes encoded once ({@link EncodedJson}).
 */
public class TextJson extends EncodedJson<Text> {

    /** Only texts of the service's own data: a text made from a proposal is never kept. */
    private static final IdentityStore<Text> KNOWN = new IdentityStore<>(new Store<>(Text.class));

    public TextJson() {
        super(KNOWN);
    }

    /**
     * The text, to be written from bytes encoded now; for texts of the rules and reference data only, and only where
     * the answer has this very instance (see {@link IdentityStore}).
     */
    public static Text known(Text text) {
        if (text.vi() != null && text.en() != null) {
            KNOWN.register(text);
        }
        return text;
    }

    /** By its id when the writer writes by reference ({@link TextReferences}); else as it always is. */
    @Override
    public void serialize(Text value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (provider.getAttribute(TextReferences.ATTRIBUTE) instanceof TextReferences refs) {
            String id = refs.text(value);
            if (id != null) {
                gen.writeString(id);
                return;
            }
        }
        super.serialize(value, gen, provider);
    }

    /** As the mapper's inclusion has it: always (its default), or not when null (Json.MAPPER), or empty. */
    @Override
    protected void writeFields(Text text, JsonGenerator gen, SerializerProvider provider) throws IOException {
        JsonInclude.Include inclusion = provider.getConfig().getDefaultPropertyInclusion(Text.class).getValueInclusion();
        gen.writeStartObject(text);
        field(gen, "vi", text.vi(), inclusion);
        field(gen, "en", text.en(), inclusion);
        gen.writeEndObject();
    }

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
