package vn.phendau.rules;

import vn.phendau.proposal.Sector;

/**
 * A province and sector that at least one assessed project of a list has: the scattered-investment rule collects
 * the small projects of each group from here, so it looks at each group once instead of comparing every project
 * with every other.
 */
public record PortfolioGroup(String province, Sector sector) {
}
