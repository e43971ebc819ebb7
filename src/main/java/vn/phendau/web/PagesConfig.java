package vn.phendau.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much the reviewer pages keep in memory; larger lists belong to the API (/api/v1/assessments/batch). */
@ConfigMapping(prefix = "phendau.pages")
public interface PagesConfig {

    /** Most items a list submitted through the form may have. */
    @WithDefault("2000")
    int listItems();

    /** Reports kept for /reports/{assessmentId}, the least recently read dropped first. */
    @WithDefault("2000")
    int keptReports();

    /** List results kept for /lists/{listId}. */
    @WithDefault("20")
    int keptLists();

    /** Most bytes the kept reports may weigh, each counted as the bytes of its JSON (in memory it takes more). */
    @WithDefault("33554432")
    long keptReportBytes();

    /** Most bytes the kept list results (their rows, invalid items and portfolio findings) may weigh. */
    @WithDefault("8388608")
    long keptListBytes();
}
