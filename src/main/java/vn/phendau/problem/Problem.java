package vn.phendau.problem;

import vn.phendau.common.Text;

/** One thing wrong with what a client sent: where (a JSON path, or a CSV/Excel cell) and what, in both languages. */
public record Problem(String path, Text message) {

    public static Problem at(String path, String vi, String en) {
        return new Problem(path, Text.of(vi, en));
    }

    /**
     * At most max of the problems, and then one more at "$" that counts the rest: what one input can make us report
     * stays bounded (a list of 100,000 empty objects, a header of 100,000 unknown columns).
     */
    public static java.util.List<Problem> capped(java.util.List<Problem> problems, int max) {
        if (problems.size() <= max) {
            return problems;
        }
        int more = problems.size() - max;
        java.util.List<Problem> out = new java.util.ArrayList<>(problems.subList(0, max));
        out.add(more(more));
        return out;
    }

    /** The problem that stands for n more, not listed. */
    public static Problem more(int n) {
        return at("$", "và " + n + " vấn đề khác không được liệt kê", "and " + n + " more problems, not listed");
    }
}
