package vn.phendau.batch;

import java.util.List;
import vn.phendau.common.Text;
import vn.phendau.legal.Citation;
import vn.phendau.rules.Severity;

/** A finding about several projects of a list together (DISC-3), naming each of them. */
public record PortfolioFinding(String ruleId, String criterion, Severity severity, List<String> projectIds,
                               Text title, Text explanation, Text remedy, List<Citation> citations) {
}
