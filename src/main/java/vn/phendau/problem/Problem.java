package vn.phendau.problem;

import vn.phendau.common.Text;

/** One thing wrong with what a client sent: where (a JSON path, or a CSV/Excel cell) and what, in both languages. */
public record Problem(String path, Text message) {

    public static Problem at(String path, String vi, String en) {
        return new Problem(path, Text.of(vi, en));
    }
}
