package vn.phendau.legal;

import java.io.IOException;
import vn.phendau.common.EncodedJson;

/**
 * Writes a citation from bytes encoded once ({@link EncodedJson}). A citation quotes its paragraph in full, so the
 * citations are about half of every answer; every citation comes from the legal text, so each may be kept.
 */
final class CitationJson extends EncodedJson<Citation> {

    /** One entry per citation the legal text makes: its paragraphs and the versions of its provisions. */
    private static final Store<Citation> ENCODED = new Store<>(Citation.class);

    CitationJson() {
        super(ENCODED);
    }

    /** By its id when the writer writes by reference ({@link References}); else as it always is. */
    @Override
    public void serialize(Citation value, com.fasterxml.jackson.core.JsonGenerator gen,
                          com.fasterxml.jackson.databind.SerializerProvider provider) throws IOException {
        if (provider.getAttribute(vn.phendau.common.TextReferences.ATTRIBUTE) instanceof References refs) {
            gen.writeString(refs.cite(value));
            return;
        }
        super.serialize(value, gen, provider);
    }

    static String plain(Citation citation) throws IOException {
        return ENCODED.plain(citation);
    }
}
