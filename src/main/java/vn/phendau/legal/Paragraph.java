package vn.phendau.legal;

/** One paragraph of the resolution, under the citation id the rules use. */
public record Paragraph(String id, String kind, String text) {
}
