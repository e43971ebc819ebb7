package vn.phendau.rules;

import java.util.List;
import vn.phendau.proposal.Sector;

/**
 * The group-C projects of one province and sector of a list, in input order. A list comes to the portfolio rules as
 * these groups, not as one fact per project: the scattered-investment rule collects a group's small projects once,
 * and a long list holds, per project, only the few values the rule reads.
 */
public record PortfolioGroup(String province, Sector sector, List<PortfolioProject> groupC) {
}
