package vn.phendau.common;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a value of the service's own data from the JSON it always is, encoded to UTF-8 once. Every answer carries
 * dozens of the same texts and citations, in Vietnamese, and encoding them again for every answer was the largest
 * part of writing one. The bytes are exactly those Jackson writes for the record field by field.
 *
 * <p>A writer that lays out or escapes text its own way, or a tree, gets the fields themselves ({@link #writeFields}).
 */
public abstract class EncodedJson<T> extends StdSerializer<T> {

    /** The encoded values of one type, kept for the life of the service: one per type, not per serializer. */
    public static final class Store<T> {
        private final Class<T> type;
        /** The record written field by field, as it would be without its serializer: the one source of the bytes. */
        private final ObjectMapper plain;
        private final Map<T, SerializableString> encoded = new ConcurrentHashMap<>();

        public Store(Class<T> type) {
            this.type = type;
            this.plain = new ObjectMapper().addMixIn(type, FieldByField.class);
        }

        /** The value's JSON, as Jackson writes the record. */
        public String plain(T value) throws JsonProcessingException {
            return plain.writeValueAsString(value);
        }

        /** The value's bytes, encoded on first use. */
        SerializableString encode(T value) {
            SerializableString json = encoded.get(value);
            if (json == null) {
                try {
                    json = new SerializedString(plain(value));
                } catch (JsonProcessingException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                encoded.putIfAbsent(value, json);
            }
            return json;
        }

        SerializableString encoded(T value) {
            return encoded.get(value);
        }
    }

    @JsonSerialize(using = JsonSerializer.None.class)
    private interface FieldByField {
    }

    private final Store<T> store;
    private final boolean everyValue;

    /**
     * @param everyValue whether any value of the type may be kept encoded (a citation: all come from the legal
     *                   text), or only those {@linkplain Store#encode registered} beforehand (a text: many are made
     *                   from a proposal, and must not be kept).
     */
    protected EncodedJson(Store<T> store, boolean everyValue) {
        super(store.type);
        this.store = store;
        this.everyValue = everyValue;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        SerializableString json = !Json.takesEncoded(gen) ? null : everyValue ? store.encode(value) : store.encoded(value);
        if (json != null) {
            gen.writeRawValue(json);
        } else {
            writeFields(value, gen, provider);
        }
    }

    /** The value field by field, as the record is written without this serializer. */
    protected void writeFields(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        store.plain.writerFor(store.type).writeValue(gen, value);
    }
}
