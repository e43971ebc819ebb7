package vn.phendau.web;

import java.time.Instant;
import java.util.List;
import vn.phendau.assessment.Verdict;
import vn.phendau.batch.BatchSummary;
import vn.phendau.batch.PortfolioFinding;
import vn.phendau.problem.Problem;

/** A list as its page shows it: one row per assessed project (its report kept apart), the invalid items, the portfolio findings. */
public record ListResult(String listId, String source, Instant at, BatchSummary summary, List<Row> rows,
                         List<Invalid> invalid, List<PortfolioFinding> portfolio, Input input) {

    /**
     * The list as it was sent, kept so that its page can download the report the API gives for it (CSV, Excel) by
     * assessing it again through the same code; null when it was too large to keep ({@link #KEPT_INPUT_BYTES}).
     */
    public record Input(vn.phendau.batch.BatchFormat format, byte[] bytes) {
    }

    /** The largest list kept for its downloads: a list of the form's 2,000 items as CSV is well under it. */
    public static final int KEPT_INPUT_BYTES = 4 << 20;

    /** Whether the page can offer the list's report for download. */
    public boolean downloadable() {
        return input != null;
    }

    /** "phendau-lang-son-cao-bang-2026-2030": the name of the downloaded report, after the list's file. */
    public String reportName() {
        String base = source == null ? "list" : source.replaceAll("\\.[A-Za-z0-9]+$", "");
        String plain = java.text.Normalizer.normalize(base.replace("đ", "d").replace("Đ", "D"), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return "phendau-" + (plain.isEmpty() ? "list" : plain);
    }

    /** @param item the item's position in the list, from 1 as a person counts */
    /** The report of a project of the list, by its id: null when the id is not one of the assessed rows. */
    public String reportOf(String projectId) {
        return rows.stream().filter(r -> r.projectId().equals(projectId)).map(Row::assessmentId).findFirst().orElse(null);
    }

    /** How many projects got each verdict, in the order verdicts are decided. */
    public List<VerdictCount> verdicts() {
        return java.util.Arrays.stream(Verdict.values())
                .map(v -> new VerdictCount(v, summary.byVerdict().getOrDefault(v.name(), 0))).toList();
    }

    public record VerdictCount(Verdict verdict, int count) {
    }

    /**
     * Rows a page of the list shows: a list's page is rendered a page at a time, never every row into one string, and
     * a page a reviewer takes in at a glance.
     */
    public static final int PAGE_ROWS = 25;

    /** The columns the whole list can be sorted by, as the page's address names them. */
    private static final java.util.Map<String, java.util.Comparator<Row>> ORDERS = java.util.Map.of(
            "item", java.util.Comparator.comparingInt(Row::item),
            "id", java.util.Comparator.comparing(Row::projectId),
            "name", java.util.Comparator.comparing(Row::projectName, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())),
            "province", java.util.Comparator.comparing(Row::province),
            "verdict", java.util.Comparator.comparing(Row::verdict),
            "score", java.util.Comparator.comparingInt(Row::score));

    /**
     * One page of the rows, sorted over the whole list by {@code sort} (one of {@link #ORDERS}' names; the input
     * order otherwise), descending when {@code dir} is "desc"; a page past the last shows the last.
     */
    public PageView view(Integer page, String sort, String dir) {
        String by = sort != null && ORDERS.containsKey(sort) ? sort : "item";
        boolean desc = "desc".equals(dir);
        int pages = Math.max(1, (rows.size() + PAGE_ROWS - 1) / PAGE_ROWS);
        int at = Math.min(Math.max(1, page == null ? 1 : page), pages);
        List<Row> ordered = rows;
        if (!by.equals("item") || desc) {
            java.util.Comparator<Row> order = ORDERS.get(by).thenComparingInt(Row::item);
            ordered = rows.stream().sorted(desc ? order.reversed() : order).toList();
        }
        int from = (at - 1) * PAGE_ROWS;
        return new PageView(ordered.subList(from, Math.min(ordered.size(), from + PAGE_ROWS)), at, pages, by, desc);
    }

    /** A page of the list's rows, and how to reach the others. */
    public record PageView(List<Row> rows, int page, int pages, String sort, boolean desc) {
        public boolean paged() {
            return pages > 1;
        }

        /** The address (query) of a page in this order. */
        public String at(int n) {
            return "?page=" + n + "&sort=" + sort + (desc ? "&dir=desc" : "");
        }

        /** The address that sorts by a column: ascending, or reversed when already sorted by it ascending. */
        public String sortBy(String column) {
            return "?sort=" + column + (column.equals(sort) && !desc ? "&dir=desc" : "");
        }

        /** The aria-sort of a column's heading. */
        public String ariaSort(String column) {
            return column.equals(sort) ? (desc ? "descending" : "ascending") : null;
        }
    }

    public record Row(int item, String assessmentId, String projectId, String projectName, String province,
                      Verdict verdict, int score) {
    }

    public record Invalid(int item, String projectId, List<Problem> problems) {
    }
}
