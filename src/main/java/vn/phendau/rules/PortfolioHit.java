package vn.phendau.rules;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What a portfolio rule inserts: the rule, the projects it is about, and the values its text names. Of hits of one
 * rule about the same projects (projects sharing two communes), the one of lowest rank is said.
 */
public record PortfolioHit(String ruleId, List<String> projectIds, Map<String, Object> values, int rank) {

    /** A group of projects found together (the scattered small projects of one province and sector). */
    public static PortfolioHit of(RuleContext context, PortfolioGroup group, Collection<PortfolioProject> projects) {
        List<PortfolioProject> sorted = projects.stream().sorted(java.util.Comparator.comparingInt(PortfolioProject::index)).toList();
        return new PortfolioHit(context.getRule().getName(), sorted.stream().map(PortfolioProject::id).toList(),
                Map.of("province", group.province(), "sector", group.sector(), "count", sorted.size(),
                        "totalVnd", sorted.stream().mapToLong(PortfolioProject::totalVnd).sum()), 0);
    }

    /**
     * Projects whose years overlap at a commune, in input order: named as the first of them spells the commune, and
     * ranked by the last one's order of its communes (of two groups with the same projects, at two communes they
     * share, the one its first-listed commune is said).
     */
    public static PortfolioHit overlap(RuleContext context, CommuneSites at, List<ProjectSite> group) {
        ProjectSite first = group.get(0);
        ProjectSite last = group.get(group.size() - 1);
        return new PortfolioHit(context.getRule().getName(), group.stream().map(ProjectSite::id).toList(),
                Map.of("province", at.province(), "sector", at.sector(), "commune", first.communeName(),
                        "years", CommuneSites.sharedYears(group), "count", group.size()), last.rank());
    }
}
