package vn.phendau.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.phendau.assessment.Assessment;

/**
 * The assessments and list results the pages have shown, so that a report can be opened again (from a list, in
 * the other language, for printing). Bounded: the least recently read is dropped first. Nothing is written to disk.
 */
@ApplicationScoped
public class ReportStore {

    private final Map<String, Assessment> reports;
    private final Map<String, ListResult> lists;

    public ReportStore(PagesConfig config) {
        reports = bounded(config.keptReports());
        lists = bounded(config.keptLists());
    }

    public void put(Assessment a) {
        reports.put(a.assessmentId(), a);
    }

    public Optional<Assessment> report(String assessmentId) {
        return Optional.ofNullable(reports.get(assessmentId));
    }

    public void put(ListResult list) {
        lists.put(list.listId(), list);
    }

    public Optional<ListResult> list(String listId) {
        return Optional.ofNullable(lists.get(listId));
    }

    private static <V> Map<String, V> bounded(int capacity) {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        });
    }
}
