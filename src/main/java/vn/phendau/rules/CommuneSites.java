package vn.phendau.rules;

import java.util.List;
import vn.phendau.proposal.Sector;

/**
 * The projects of one province and sector at one commune (its folded name), in input order: the overlap rule
 * compares only projects that share a commune, so a list comes to it keyed that way.
 */
public record CommuneSites(String province, Sector sector, String commune, List<ProjectSite> sites) {
}
