package vn.phendau.legal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.phendau.Engine;
import vn.phendau.common.Json;

/** A citation's JSON, encoded once, is byte for byte what Jackson writes for the record field by field. */
class CitationJsonTest {

    private static List<Citation> everyCitation() {
        List<Citation> all = new ArrayList<>();
        Engine.LEGAL.paragraphs().forEach(p -> all.add(Engine.LEGAL.cite(p.id())));
        Json.resource("legal/laws.json").get("provisions").fields().forEachRemaining(e -> e.getValue().forEach(v ->
                all.add(Engine.LEGAL.citeProvision(e.getKey(), LocalDate.parse(v.get("from").asText())))));
        return all;
    }

    @Test
    void theEncodedJsonIsWhatTheRecordGives() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        for (Citation c : everyCitation()) {
            String plain = CitationJson.plain(c);
            assertEquals(plain, mapper.writeValueAsString(c), c.paragraph() + " " + c.article());
            assertEquals(plain, new String(mapper.writeValueAsBytes(List.of(c, c)), java.nio.charset.StandardCharsets.UTF_8)
                    .substring(1, plain.length() + 1), "the second time, from the encoded bytes");
        }
    }

    @Test
    void aWriterThatLaysOutTextItsOwnWayGetsTheFields() throws IOException {
        Citation c = everyCitation().get(0);
        ObjectMapper pretty = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        assertEquals(pretty.readTree(CitationJson.plain(c)), pretty.readTree(pretty.writeValueAsString(c)));
        assertEquals(pretty.writerWithDefaultPrettyPrinter().writeValueAsString(pretty.readTree(CitationJson.plain(c))),
                pretty.writeValueAsString(c));
    }
}
