package vn.phendau.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import vn.phendau.assessment.Assessment;
import vn.phendau.common.Json;

/**
 * The assessments and list results the pages have shown, so that a report can be opened again (from a list, in
 * the other language, for printing). Bounded by count and by bytes (an assessment weighs what its JSON weighs, a
 * list what its rows hold): the least recently read is dropped first, and the newest is always kept. Nothing is
 * written to disk.
 */
@ApplicationScoped
public class ReportStore {

    private final Bounded<Assessment> reports;
    private final Bounded<ListResult> lists;

    public ReportStore(PagesConfig config) {
        reports = new Bounded<>(config.keptReports(), config.keptReportBytes(), ReportStore::weight);
        lists = new Bounded<>(config.keptLists(), config.keptListBytes(), ListResult::weight);
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

    /** The bytes the kept reports weigh now. */
    public long reportBytes() {
        return reports.bytes();
    }

    /** The bytes the kept lists weigh now. */
    public long listBytes() {
        return lists.bytes();
    }

    /** An assessment's weight: the bytes of its JSON, counted as written, never held. */
    static long weight(Assessment a) {
        long[] n = {0};
        try (OutputStream counter = new OutputStream() {
            @Override
            public void write(int b) {
                n[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                n[0] += len;
            }
        }) {
            Json.MAPPER.writeValue(counter, a);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return n[0];
    }

    /** A map in access order within a count and a weight. */
    private static final class Bounded<V> {
        private final LinkedHashMap<String, Entry<V>> map = new LinkedHashMap<>(16, 0.75f, true);
        private final int count;
        private final long maxBytes;
        private final ToLongFunction<V> weigher;
        private long bytes;

        private record Entry<V>(V value, long weight) {
        }

        Bounded(int count, long maxBytes, ToLongFunction<V> weigher) {
            this.count = count;
            this.maxBytes = maxBytes;
            this.weigher = weigher;
        }

        void put(String key, V value) {
            long weight = weigher.applyAsLong(value);
            synchronized (this) {
                Entry<V> was = map.put(key, new Entry<>(value, weight));
                bytes += weight - (was == null ? 0 : was.weight());
                Iterator<Map.Entry<String, Entry<V>>> eldest = map.entrySet().iterator();
                while (map.size() > 1 && (map.size() > count || bytes > maxBytes)) {
                    Map.Entry<String, Entry<V>> e = eldest.next();
                    if (e.getKey().equals(key)) {
                        continue;
                    }
                    bytes -= e.getValue().weight();
                    eldest.remove();
                }
            }
        }

        synchronized V get(String key) {
            Entry<V> e = map.get(key);
            return e == null ? null : e.value();
        }

        synchronized long bytes() {
            return bytes;
        }
    }
}
