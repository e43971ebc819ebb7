package vn.phendau.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import vn.phendau.problem.Problem;

/**
 * One item of a list as it was read: its position (from 0, in input order), and its JSON, or the problems that
 * kept it from being read at all (a CSV row with a bad number, a JSON element cut short).
 */
public record BatchItem(int index, JsonNode node, List<Problem> problems) {

    public static BatchItem of(int index, JsonNode node) {
        return new BatchItem(index, node, List.of());
    }

    public static BatchItem unreadable(int index, JsonNode partial, List<Problem> problems) {
        return new BatchItem(index, partial, List.copyOf(problems));
    }
}
