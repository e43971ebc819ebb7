package vn.phendau.legal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.phendau.common.Text;
import vn.phendau.common.TextReferences;

/**
 * One answer "by reference" ({@code ?citations=ref} or {@code Prefer: return=minimal}): each citation is written as
 * its id ("III.2.g-1" for a paragraph of the resolution, "Luật Đầu tư công số 58/2024/QH15 Điều 57" for another law), each text as its id ("t1"), and the answer ends with the {@code legal} map (id →
 * the citation as the default answer has it, its text quoted once) and the {@code texts} map (id → {vi, en}). A list
 * has one for the whole answer, so a paragraph is quoted once per list, not once per finding of every item.
 * <p>
 * The texts are kept until the answer ends; past {@link #maxTextChars} characters a new text is written in full
 * instead, so that a list of texts that never repeat does not hold them all.
 */
public final class References implements TextReferences {

    private final Map<Citation, String> citations = new HashMap<>();
    private final Map<String, Citation> legal = new LinkedHashMap<>();
    private final Map<Text, String> textIds = new HashMap<>();
    private final Map<String, Text> texts = new LinkedHashMap<>();
    private final long maxTextChars;
    private long textChars;

    public References(long maxTextChars) {
        this.maxTextChars = maxTextChars;
    }

    /** For one assessment: every text by reference. */
    public References() {
        this(Long.MAX_VALUE);
    }

    /** The mapper's writer that writes by reference into this. */
    public ObjectWriter writer(ObjectMapper mapper) {
        return mapper.writer().withAttribute(ATTRIBUTE, this);
    }

    /** The citation's id: its paragraph, or its document and article, and "#2" after it for a second text of the same place (a provision's later version). */
    public String cite(Citation c) {
        String id = citations.get(c);
        if (id == null) {
            // The resolution's paragraphs by their own ids ("III.2.g-1"), as the pages and the criteria name them;
            // another law by its name and article.
            String where = c.paragraph() != null ? c.paragraph() : c.article();
            String base = LegalText.RESOLUTION.equals(c.document()) && c.paragraph() != null ? c.paragraph()
                    : where == null ? c.document() : c.document() + " " + where;
            id = base;
            for (int n = 2; legal.containsKey(id); n++) {
                id = base + " #" + n;
            }
            citations.put(c, id);
            legal.put(id, c);
        }
        return id;
    }

    @Override
    public String text(Text text) {
        String id = textIds.get(text);
        if (id == null) {
            long chars = (text.vi() == null ? 0 : text.vi().length()) + (text.en() == null ? 0 : text.en().length());
            if (textChars + chars > maxTextChars) {
                return null;
            }
            textChars += chars;
            id = "t" + Integer.toString(texts.size() + 1, 36);
            textIds.put(text, id);
            texts.put(id, text);
        }
        return id;
    }

    /** The ids of the citations written so far, in the order first cited. */
    public Map<String, Citation> legal() {
        return legal;
    }

    public Map<String, Text> texts() {
        return texts;
    }

    /** Writes the members {@code "legal": {…}, "texts": {…}} into the object the generator is in. */
    public void writeMaps(JsonGenerator gen, ObjectMapper mapper) throws IOException {
        gen.writeFieldName("legal");
        mapper.writeValue(gen, legal);
        gen.writeFieldName("texts");
        mapper.writeValue(gen, texts);
    }
}
