package vn.phendau.rules;

import java.util.List;
import vn.phendau.common.Text;

/** A rule as its DRL metadata declares it: the single source of the catalog and of every finding's text. */
public record RuleMeta(String id, String criterion, Outcome outcome, Severity severity, int points,
                       List<String> cites, List<String> laws, List<String> reads,
                       Text title, Text explanation, String file, String source) {
}
