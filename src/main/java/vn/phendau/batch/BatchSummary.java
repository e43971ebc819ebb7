package vn.phendau.batch;

import java.util.Map;

/** The counts of a list: every input item is either assessed or invalid. */
public record BatchSummary(int total, int assessed, int invalid, Map<String, Integer> byVerdict) {
}
