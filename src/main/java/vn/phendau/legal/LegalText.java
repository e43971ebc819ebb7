package vn.phendau.legal;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.phendau.common.Json;

/** The service's own copy of Resolution 23/NQ-CP and of the other provisions its rules cite. */
@ApplicationScoped
public class LegalText {

    public static final String RESOLUTION = "23/NQ-CP";

    private final Map<String, Paragraph> paragraphs = new LinkedHashMap<>();
    private final JsonNode document;
    private final JsonNode provisions;

    public LegalText() {
        JsonNode data = Json.resource("legal/resolution-23-2022.json");
        document = data.get("document");
        for (JsonNode p : data.get("paragraphs")) {
            paragraphs.put(p.get("id").asText(), new Paragraph(p.get("id").asText(), p.get("kind").asText(), p.get("text").asText()));
        }
        provisions = Json.resource("legal/laws.json").get("provisions");
    }

    public Optional<Paragraph> paragraph(String id) {
        return Optional.ofNullable(paragraphs.get(id));
    }

    public List<Paragraph> paragraphs() {
        return List.copyOf(paragraphs.values());
    }

    public JsonNode document() {
        return document;
    }

    public boolean hasProvision(String key) {
        return provisions.has(key);
    }

    private final Map<String, Citation> citations = new java.util.concurrent.ConcurrentHashMap<>();

    public Citation cite(String paragraphId) {
        return citations.computeIfAbsent(paragraphId, id -> {
            Paragraph p = paragraph(id).orElseThrow(() -> new IllegalArgumentException("unknown paragraph " + id));
            return new Citation(RESOLUTION, p.id(), null, p.text());
        });
    }

    /** The version of a provision in force on the day: the one that took effect last, on or before it. */
    public Citation citeProvision(String key, LocalDate day) {
        JsonNode chosen = null;
        for (JsonNode v : provisions.get(key)) {
            if (chosen == null || !LocalDate.parse(v.get("from").asText()).isAfter(day)) {
                chosen = v;
            }
        }
        return new Citation(chosen.get("document").asText(), null, chosen.get("article").asText(), chosen.get("text").asText());
    }
}
