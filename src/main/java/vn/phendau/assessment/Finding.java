package vn.phendau.assessment;

import java.util.List;
import java.util.Map;
import vn.phendau.common.Text;
import vn.phendau.legal.Citation;
import vn.phendau.rules.Outcome;
import vn.phendau.rules.Severity;

/** One rule that fired, said in the project's own terms, with the law it rests on and the fields it read. */
public record Finding(String ruleId, String criterion, Outcome outcome, Severity severity, int points,
                      Text title,
                      @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = FormJson.class) Text explanation, List<Citation> citations, Map<String, Object> evidence,
                      List<String> missingFields, Remedy remedy) {

    /** What would fix a finding that holds the project back, and the law that requires it. */
    public record Remedy(Text text, List<Change> changes, boolean fixableByChange, Citation basis) {
    }

    public record Change(String path, com.fasterxml.jackson.databind.JsonNode value) {
    }
}
