package vn.phendau.rules;

/**
 * One group-C project of a list, as the scattered-investment rule sees it: its place in the list, its id, its total
 * and the group-C ceiling of its sector. Its province and sector are those of the {@link PortfolioGroup} holding it.
 */
public record PortfolioProject(int index, String id, long totalVnd, long groupCCeilingVnd) {
}
