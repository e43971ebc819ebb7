package vn.phendau.rules;

import vn.phendau.proposal.ProjectGroup;
import vn.phendau.proposal.Sector;

/** One assessed project of a list, as the portfolio rules (DISC-3) see it. */
public record PortfolioProject(int index, String id, String province, Sector sector, ProjectGroup group, long totalVnd,
                               long groupCCeilingVnd) {
}
