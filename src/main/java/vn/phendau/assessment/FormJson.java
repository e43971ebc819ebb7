package vn.phendau.assessment;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.phendau.common.Text;
import vn.phendau.common.TextJson;
import vn.phendau.common.TextReferences;

/**
 * A finding's explanation, and the note on a project's group: by default a text like any other. By reference
 * ({@code ?citations=ref}) such a text, made from the project's values, is sent as the words of its template, once
 * per answer in the {@code templates} map, and the values that fill them:
 * {@code {"template": "m1", "vi": ["1.569", "724"], "en": ["1,569", "724"]}}, {@code en} left out when its values
 * are the Vietnamese ones. These texts seldom repeat, so by their ids they filled the answer's map of texts, and
 * were a third of a list's answer by reference. One that does repeat in the answer goes by its id from its second
 * time on, as any other text.
 */
public final class FormJson extends TextJson {

    /** The key of the templates of the note on a project's group. */
    static final String GROUP_NOTE = "projectGroup.note";

    /**
     * The templates a text may come from, by the rule id of the finding that has it (or {@link #GROUP_NOTE}). Kept
     * here, not handed to the writer, since every writer by reference (an assessment, a list, a dossier, the command
     * line) would need them. A template that did not render the text (one of a rule base of another day) gives no
     * form, and the text is sent as it is.
     */
    private static final Map<String, List<Explainer.Template>> TEMPLATES = new ConcurrentHashMap<>();

    /**
     * The names of the values that are the same for every project assessed on a day (a law's name, a parameter):
     * said in the words, which then differ only from one such day to another, not as values in every text.
     */
    private static final Set<String> CONSTANTS = ConcurrentHashMap.newKeySet();

    static void register(String key, Collection<Explainer.Template> templates) {
        TEMPLATES.put(key, List.copyOf(templates));
    }

    static void constants(Collection<String> names) {
        CONSTANTS.addAll(names);
    }

    @Override
    public void serialize(Text value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (provider.getAttribute(TextReferences.ATTRIBUTE) instanceof TextReferences refs) {
            Explainer.Form form = form(value, gen.currentValue());
            // A text said before in this answer (the same values: a province's name alone) goes by its id instead.
            String id = form != null && refs.again(value) ? refs.text(value) : null;
            if (id != null) {
                gen.writeString(id);
                return;
            }
            if (form != null) {
                gen.writeStartObject();
                gen.writeStringField("template", refs.template(form.words()));
                values(gen, "vi", form.vi());
                if (!form.en().equals(form.vi())) {
                    values(gen, "en", form.en());
                }
                gen.writeEndObject();
                return;
            }
        }
        super.serialize(value, gen, provider);
    }

    /** The text as one of its owner's templates' words and values, or null. */
    private static Explainer.Form form(Text value, Object owner) {
        String key = owner instanceof Finding f ? f.ruleId() : owner instanceof Assessment.GroupView ? GROUP_NOTE : null;
        for (Explainer.Template template : key == null ? List.<Explainer.Template>of() : TEMPLATES.getOrDefault(key, List.of())) {
            Explainer.Form form = template.form(value, CONSTANTS::contains);
            if (form != null) {
                return form;
            }
        }
        return null;
    }

    private static void values(JsonGenerator gen, String name, List<String> values) throws IOException {
        gen.writeArrayFieldStart(name);
        for (String v : values) {
            gen.writeString(v);
        }
        gen.writeEndArray();
    }
}
