package vn.phendau.rules;

import vn.phendau.proposal.Sector;

/**
 * One commune of one project with known years: the overlap rule joins sites on the commune, so only projects
 * that share one are ever compared.
 */
public record ProjectSite(int index, String id, String province, Sector sector, String commune, String communeName,
                          int startYear, int endYear) {
}
