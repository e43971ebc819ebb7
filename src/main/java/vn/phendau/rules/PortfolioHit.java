package vn.phendau.rules;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What a portfolio rule inserts: the rule, the projects it is about, and the values its text names. Of hits of one
 * rule about the same projects (two projects sharing two communes), the one of lowest rank is said.
 */
public record PortfolioHit(String ruleId, List<String> projectIds, Map<String, Object> values, int rank) {

    /** A group of projects found together (the scattered small projects of one province and sector). */
    public static PortfolioHit of(RuleContext context, PortfolioGroup group, Collection<PortfolioProject> projects) {
        List<PortfolioProject> sorted = projects.stream().sorted(java.util.Comparator.comparingInt(PortfolioProject::index)).toList();
        return new PortfolioHit(context.getRule().getName(), sorted.stream().map(PortfolioProject::id).toList(),
                Map.of("province", group.province(), "sector", group.sector(), "count", sorted.size(),
                        "totalVnd", sorted.stream().mapToLong(PortfolioProject::totalVnd).sum()), 0);
    }

    /** Two projects that overlap at a commune: ranked by the later project's order of its communes. */
    public static PortfolioHit pair(RuleContext context, CommuneSites at, ProjectSite a, ProjectSite b) {
        return new PortfolioHit(context.getRule().getName(), List.of(a.id(), b.id()),
                Map.of("province", at.province(), "sector", at.sector(), "commune", a.communeName(),
                        "years", Math.max(a.startYear(), b.startYear()) + "–" + Math.min(a.endYear(), b.endYear()),
                        "count", 2), b.rank());
    }
}
