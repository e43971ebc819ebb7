package vn.phendau.dossier;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import vn.phendau.assessment.Assessment;
import vn.phendau.audit.Hashes;

/**
 * An answer as it is stored, and the digest of its judgement: the bytes of its verdict, score and findings. Two
 * answers with the same digest judged alike, so a replay compares a dossier's new answer with its last one by the
 * digest stored beside each, without reading the last one back and scanning both (BENCHMARKS.md: the two were a
 * sixth of a replay). The writer notes where the three members lie as it writes them, so nothing is scanned here.
 */
public record StoredAnswer(byte[] json, String judgementSha256) {

    /** The mapper's copy that notes where an assessment's judgement members are written (when asked to). */
    static ObjectMapper marking(ObjectMapper mapper) {
        return mapper.copy().registerModule(new SimpleModule("judgement-marks").setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription bean,
                                                             List<BeanPropertyWriter> properties) {
                if (bean.getBeanClass() != Assessment.class) {
                    return properties;
                }
                return properties.stream().map(p -> Diff.JUDGEMENT.contains(p.getName()) ? new Marked(p) : p).toList();
            }
        }));
    }

    /** The answer's bytes, exactly as the mapper writes them, and its judgement's digest. */
    static StoredAnswer write(ObjectMapper marking, Assessment a) {
        Output out = new Output();
        Marks marks = new Marks(out);
        try (JsonGenerator g = marking.getFactory().createGenerator(out)) {
            marking.writer().withAttribute(Marks.class, marks).writeValue(g, a);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] json = out.toByteArray();
        Map<String, int[]> values = new HashMap<>();
        marks.fields.forEach((name, field) -> {
            if (field[1] > field[0]) {  // a member the mapper's inclusion left out has no value, and the answer no digest
                values.put(name, new int[] {valueStart(json, field[0]), field[1]});
            }
        });
        return new StoredAnswer(json, digest(json, values));
    }

    /**
     * The judgement's digest of an answer already written (a stored one), found by scanning it; null when it does not
     * read as an answer. The same as {@link #write} gives for the answer it wrote.
     */
    public static String judgementSha256(byte[] answer) {
        return digest(answer, Diff.judgement(answer));
    }

    private static String digest(byte[] json, Map<String, int[]> values) {
        if (!values.keySet().containsAll(Diff.JUDGEMENT)) {
            return null;
        }
        MessageDigest sha = Hashes.digest();
        for (String name : Diff.JUDGEMENT) {  // in this order, whatever their order in the answer
            int[] v = values.get(name);
            sha.update(json, v[0], v[1] - v[0]);
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Where the value of a member written from {@code field} begins: past its comma, name and colon. */
    private static int valueStart(byte[] json, int field) {
        int i = field;
        while (json[i] != ':') {
            i++;
        }
        return i + 1;
    }

    private static final class Output extends ByteArrayOutputStream {
        Output() {
            super(16 * 1024);
        }

        int written() {
            return count;
        }
    }

    /** Where each marked member was written: from before its comma and name to past its value. */
    private static final class Marks {
        private final Output out;
        private final Map<String, int[]> fields = new HashMap<>();

        Marks(Output out) {
            this.out = out;
        }

        int position(JsonGenerator g) {
            return out.written() + g.getOutputBuffered();
        }
    }

    private static final class Marked extends BeanPropertyWriter {
        Marked(BeanPropertyWriter base) {
            super(base);
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator g, SerializerProvider provider) throws Exception {
            if (!(provider.getAttribute(Marks.class) instanceof Marks marks)) {
                super.serializeAsField(bean, g, provider);
                return;
            }
            int start = marks.position(g);
            super.serializeAsField(bean, g, provider);
            marks.fields.put(getName(), new int[] {start, marks.position(g)});
        }
    }
}
