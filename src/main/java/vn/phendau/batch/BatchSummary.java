package vn.phendau.batch;

import java.util.Map;

/**
 * The counts of a list: every input item is either assessed or invalid, as it is in the answer's results or its
 * errors. A filed list's item refused for its province is in the errors, so among the invalid.
 */
public record BatchSummary(int total, int assessed, int invalid, Map<String, Integer> byVerdict) {
}
