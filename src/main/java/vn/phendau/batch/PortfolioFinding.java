package vn.phendau.batch;

import java.util.List;
import vn.phendau.common.Text;
import vn.phendau.legal.Citation;
import vn.phendau.rules.Severity;

/**
 * A finding about several projects of a list together (DISC-3), naming each of them, up to
 * {@code phendau.limits.finding-project-ids}; moreProjects says how many it does not name (0 when it names all).
 */
public record PortfolioFinding(String ruleId, String criterion, Severity severity, List<String> projectIds,
                               int moreProjects, Text title, Text explanation, Text remedy, List<Citation> citations) {
}
