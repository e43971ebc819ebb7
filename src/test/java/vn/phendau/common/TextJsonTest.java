package vn.phendau.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A registered text is written from its bytes encoded once, found by identity; any other, equal or not, field by field, to the same JSON. */
class TextJsonTest {

    @Test
    void aRegisteredTextIsFoundByIdentityAndWrittenAsJacksonWritesIt() throws Exception {
        Text known = TextJson.known(Text.of("Đường \"biên giới\" — Lạng Sơn", "Border road \\ Lạng Sơn"));
        Text copy = Text.of(new String(known.vi()), new String(known.en()));
        EncodedJson.IdentityStore<Text> store = new EncodedJson.IdentityStore<>(new EncodedJson.Store<>(Text.class));
        store.register(known);
        assertNotNull(store.encoded(known));
        assertNull(store.encoded(copy), "an equal text of another instance is not looked up by its characters");

        String plain = new ObjectMapper().addMixIn(Text.class, Plain.class).writeValueAsString(List.of(known, copy));
        assertEquals(plain, Json.MAPPER.writeValueAsString(List.of(known, copy)));
        assertEquals(Json.MAPPER.writeValueAsString(known), Json.MAPPER.writeValueAsString(copy));
    }

    @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = com.fasterxml.jackson.databind.JsonSerializer.None.class)
    private interface Plain {
    }
}
