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

    /**
     * The encoded values of a type of which only some values are registered, found by identity: a registered text
     * is written as the very instance registered (a rule's title without placeholders is itself, not a copy), and a
     * text made from a proposal, never registered, is then found absent without hashing its characters, which an
     * equal-keyed map did for each of an answer's dozens of texts. An equal text of another instance is written field
     * by field: the same bytes.
     */
    public static final class IdentityStore<T> {
        private final Store<T> store;
        /** Replaced whole at each registration (a few hundred, all at start-up): read without a lock. */
        private volatile Map<T, SerializableString> registered = new java.util.IdentityHashMap<>();

        public IdentityStore(Store<T> store) {
            this.store = store;
        }

        public synchronized void register(T value) {
            if (!registered.containsKey(value)) {
                Map<T, SerializableString> more = new java.util.IdentityHashMap<>(registered);
                more.put(value, store.encode(value));
                registered = more;
            }
        }

        SerializableString encoded(T value) {
            return registered.get(value);
        }
    }

    @JsonSerialize(using = JsonSerializer.None.class)
    private interface FieldByField {
    }

    private final Store<T> store;
    /** Null when any value of the type may be kept encoded; else the values registered beforehand. */
    private final IdentityStore<T> registered;

    /** Any value of the type may be kept encoded (a citation: all come from the legal text). */
    protected EncodedJson(Store<T> store) {
        super(store.type);
        this.store = store;
        this.registered = null;
    }

    /** Only the values {@linkplain IdentityStore#register registered} beforehand (a text: many are made from a proposal, and must not be kept). */
    protected EncodedJson(IdentityStore<T> registered) {
        super(registered.store.type);
        this.store = registered.store;
        this.registered = registered;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        SerializableString json = !Json.takesEncoded(gen) ? null : registered == null ? store.encode(value) : registered.encoded(value);
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
