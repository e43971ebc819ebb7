package vn.phendau.rules;

import java.util.List;
import vn.phendau.common.Text;

/** A rule as its DRL metadata declares it: the single source of the catalog and of every finding's text. */
public record RuleMeta(String id, String criterion, Outcome outcome, Severity severity, int points,
                       List<String> cites, List<String> laws, List<String> reads,
                       Text title, Text explanation, Text remedy, List<Fix> fixes, String file, String source) {

    /**
     * One field change of a remedy: a path of the proposal and the value it takes, a JSON literal parsed once
     * ({@code literal}), or the name of a value of the fact ({@code "{remedyEndYear}"} gives {@code valueName}).
     */
    public record Fix(String path, com.fasterxml.jackson.databind.JsonNode literal, String valueName) {

        public static Fix of(String path, String value) {
            if (value.startsWith("{") && value.endsWith("}")) {
                return new Fix(path, null, value.substring(1, value.length() - 1));
            }
            try {
                return new Fix(path, vn.phendau.common.Json.MAPPER.readTree(value), null);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("a fix value that is not JSON: " + value, e);
            }
        }
    }

    /** A finding that keeps a project from COMPLIANT: not met or unknown, at blocking or review level. */
    public boolean holdsBack() {
        return (severity == Severity.BLOCKING || severity == Severity.REVIEW)
                && (outcome == Outcome.NOT_MET || outcome == Outcome.MISSING_INFO);
    }
}
