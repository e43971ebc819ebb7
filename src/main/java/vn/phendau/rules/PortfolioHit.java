package vn.phendau.rules;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.rule.RuleContext;

/** What a portfolio rule inserts: the rule, the projects it is about, and the values its text names. */
public record PortfolioHit(String ruleId, List<String> projectIds, Map<String, Object> values) {

    /** A group of projects found together (the scattered small projects of one province and sector). */
    public static PortfolioHit of(RuleContext context, Collection<PortfolioProject> projects) {
        List<PortfolioProject> sorted = projects.stream().sorted(java.util.Comparator.comparingInt(PortfolioProject::index)).toList();
        PortfolioProject first = sorted.get(0);
        return new PortfolioHit(context.getRule().getName(), sorted.stream().map(PortfolioProject::id).toList(),
                Map.of("province", first.province(), "sector", first.sector(), "count", sorted.size(),
                        "totalVnd", sorted.stream().mapToLong(PortfolioProject::totalVnd).sum()));
    }

    /** Two projects that overlap at a commune. */
    public static PortfolioHit pair(RuleContext context, ProjectSite a, ProjectSite b) {
        return new PortfolioHit(context.getRule().getName(), List.of(a.id(), b.id()),
                Map.of("province", a.province(), "sector", a.sector(), "commune", a.communeName(),
                        "years", Math.max(a.startYear(), b.startYear()) + "–" + Math.min(a.endYear(), b.endYear()),
                        "count", 2));
    }
}
