package vn.phendau.rules;

import java.util.List;
import vn.phendau.common.Text;

/** A criterion of CRITERIA.md: what the rules decide, each with one outcome per project in the checklist. */
public record Criterion(String id, String group, String scoreGroup, Text title, Text description,
                        List<String> cites, List<String> laws) {
}
