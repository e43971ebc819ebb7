package vn.phendau.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How large a list the reviewer pages take, and how much they keep (ReportStore); larger lists belong to the API. */
@ConfigMapping(prefix = "phendau.pages")
public interface PagesConfig {

    /** Most items a list submitted through the form may have. */
    @WithDefault("2000")
    int listItems();

    /**
     * Days a report or a list is kept for its address (/reports/{id}, /lists/{id}), in the database; older ones are
     * pruned.
     */
    @WithDefault("30")
    int keptDays();

    /** Most reports kept; past it the oldest kept are pruned first. */
    @WithDefault("20000")
    int keptReports();

    /** Most list results kept. */
    @WithDefault("1000")
    int keptLists();

    /** Most bytes the kept reports may weigh, each counted as its JSON gzipped (as it is stored): 256 MiB. */
    @WithDefault("268435456")
    long keptReportBytes();

    /** Most bytes the kept list results (their rows, invalid items and portfolio findings, gzipped) may weigh: 64 MiB. */
    @WithDefault("67108864")
    long keptListBytes();
}
