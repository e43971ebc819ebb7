package vn.phendau.legal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a finding rests on: a paragraph of Resolution 23/NQ-CP with its text quoted, or an article of
 * another law with a summary of what it provides.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@com.fasterxml.jackson.databind.annotation.JsonSerialize(using = CitationJson.class)
public record Citation(String document, String paragraph, String article, String text) {
}
