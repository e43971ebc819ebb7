package vn.phendau.web;

import java.util.List;
import vn.phendau.common.Text;
import vn.phendau.problem.Problem;

/**
 * The assessment form as it is shown again: what was pasted, the sample picked, and the problems found, next to
 * the input they concern ({@link #JSON} the pasted text, {@link #FILE} the uploaded file).
 */
public record FormState(String json, String sample, String at, Text title, List<Problem> problems) {

    public static final String JSON = "json";
    public static final String FILE = "file";

    public static FormState empty(String json, String sample) {
        return new FormState(json, sample, null, null, List.of());
    }

    public List<Problem> problemsAt(String input) {
        return input.equals(at) ? problems : List.of();
    }

    public boolean invalid(String input) {
        return input.equals(at) && !problems.isEmpty();
    }
}
