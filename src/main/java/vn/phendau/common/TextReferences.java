package vn.phendau.common;

/**
 * Where an answer "by reference" ({@code ?citations=ref}) keeps its texts: a text written once in the answer's
 * {@code texts} map, and by its id wherever it occurs. Given to the serializers as an attribute of the writer, so
 * that the default answer, written without it, stays byte for byte as it was.
 */
public interface TextReferences {

    /** The attribute of an ObjectWriter that carries it. */
    Object ATTRIBUTE = TextReferences.class;

    /** The text's id in the answer's {@code texts} map, or null to write it in full (the map is full). */
    String text(Text text);

    /**
     * The id, in the answer's {@code templates} map, of the words of a text sent as words and values: a rule's
     * explanation, the same words for every finding of the rule whatever the project.
     */
    String template(Text words);

    /**
     * Whether the text was asked about before in this answer, perhaps: it may say yes of a text it was not asked
     * about (rarely), never no of one it was. A text said a second time is worth an entry in the map of texts.
     */
    boolean again(Text text);
}
