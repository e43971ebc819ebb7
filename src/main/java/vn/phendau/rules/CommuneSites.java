package vn.phendau.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.phendau.proposal.Sector;

/**
 * The projects of one province and sector at one commune (its folded name), in input order: the overlap rule
 * compares only projects that share a commune, so a list comes to it keyed that way.
 */
public record CommuneSites(String province, Sector sector, String commune, List<ProjectSite> sites) {

    /**
     * The projects here whose years overlap, as groups: two projects are in one group when their years overlap, or
     * when a chain of overlapping projects joins them. Each group in input order, with two projects or more; a
     * project with no overlap is in none. Found by one pass over the projects sorted by start year, so a commune
     * with n projects gives at most n / 2 groups, never a finding per pair (2,000 identical rows are one group).
     */
    public List<List<ProjectSite>> overlapping() {
        List<ProjectSite> byStart = new ArrayList<>(sites);
        byStart.sort(Comparator.comparingInt(ProjectSite::startYear).thenComparingInt(ProjectSite::index));
        List<List<ProjectSite>> groups = new ArrayList<>();
        List<ProjectSite> group = new ArrayList<>();
        int end = Integer.MIN_VALUE;
        for (ProjectSite s : byStart) {
            if (!group.isEmpty() && s.startYear() > end) {
                close(group, groups);
                group = new ArrayList<>();
            }
            group.add(s);
            end = group.size() == 1 ? s.endYear() : Math.max(end, s.endYear());
        }
        close(group, groups);
        return groups;
    }

    private static void close(List<ProjectSite> group, List<List<ProjectSite>> groups) {
        if (group.size() >= 2) {
            group.sort(Comparator.comparingInt(ProjectSite::index));
            groups.add(group);
        }
    }

    /**
     * The years in which two projects of the group or more run at once, from the first such year to the last, as
     * "2027–2028": for a pair, exactly the years they share.
     */
    public static String sharedYears(List<ProjectSite> group) {
        List<ProjectSite> byStart = new ArrayList<>(group);
        byStart.sort(Comparator.comparingInt(ProjectSite::startYear));
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        int end = byStart.get(0).endYear();
        for (ProjectSite s : byStart.subList(1, byStart.size())) {
            if (s.startYear() <= end) {
                first = Math.min(first, s.startYear());
                last = Math.max(last, Math.min(s.endYear(), end));
            }
            end = Math.max(end, s.endYear());
        }
        return first + "–" + last;
    }
}
