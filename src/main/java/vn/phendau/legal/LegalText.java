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
    private final Map<String, List<Version>> versions = new java.util.HashMap<>();

    public LegalText() {
        JsonNode data = Json.resource("legal/resolution-23-2022.json");
        document = data.get("document");
        for (JsonNode p : data.get("paragraphs")) {
            paragraphs.put(p.get("id").asText(), new Paragraph(p.get("id").asText(), p.get("kind").asText(), p.get("text").asText()));
        }
        provisions = Json.resource("legal/laws.json").get("provisions");
        provisions.fieldNames().forEachRemaining(key -> versions.put(key, versions(key)));
        java.util.TreeSet<LocalDate> starts = new java.util.TreeSet<>();
        // Before the first version of any provision took effect, each provision's first version is chosen (see chosen).
        starts.add(LocalDate.MIN);
        versions.values().forEach(vs -> vs.forEach(v -> starts.add(v.from())));
        spanStarts = starts.toArray(LocalDate[]::new);
    }

    /**
     * The first day of each span of days over which every provision has the same version in force, ascending: a
     * version is chosen by whether it took effect on or before the day, which changes only on those days.
     */
    private final LocalDate[] spanStarts;

    /** How many spans of days {@link #span} numbers. */
    public int spans() {
        return spanStarts.length;
    }

    /** The span of days the day falls in: what is in force on the day is what is in force on its first day. */
    public int span(LocalDate day) {
        int i = spanStarts.length - 1;
        while (spanStarts[i].isAfter(day)) {
            i--;
        }
        return i;
    }

    public LocalDate spanStart(int span) {
        return spanStarts[span];
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

    /** Each provision's versions, in the order laws.json lists them, each with the day it took effect. */
    private record Version(LocalDate from, Citation citation, JsonNode data) {
    }

    /** The version of a provision in force on the day, as laws.json has it (for the dated names a text uses). */
    public JsonNode provisionOn(String key, LocalDate day) {
        return chosen(key, day).data();
    }


    /** The version of a provision in force on the day: the one that took effect last, on or before it. */
    public Citation citeProvision(String key, LocalDate day) {
        return chosen(key, day).citation();
    }

    private Version chosen(String key, LocalDate day) {
        Version chosen = null;
        for (Version v : versions.get(key)) {
            if (chosen == null || !v.from().isAfter(day)) {
                chosen = v;
            }
        }
        return chosen;
    }

    private List<Version> versions(String key) {
        List<Version> out = new java.util.ArrayList<>();
        for (JsonNode v : provisions.get(key)) {
            out.add(new Version(LocalDate.parse(v.get("from").asText()),
                    // An article the published text could not confirm is left out (null), never guessed.
                    new Citation(v.get("document").asText(), null, v.path("article").isTextual() ? v.get("article").asText() : null,
                            v.get("text").asText()), v));
        }
        return List.copyOf(out);
    }
}
