package vn.phendau.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import vn.phendau.assessment.Assessment;
import vn.phendau.common.Json;
import vn.phendau.dossier.Stored;

/**
 * The assessments and list results the pages have shown, so that a report can be opened again (from a list, in the
 * other language, for printing, after a restart, on another instance). Kept in the database (tables page_report and
 * page_list, migration V3), each as its JSON gzipped, within a retention that is configuration
 * ({@code phendau.pages.kept-*}): an age in days, a count and a weight (the gzip's bytes) for each table. Pruned
 * oldest first by the order they were kept; the newest is always kept. The bounds are checked after about every 1% of
 * them written, so a table may go over its bounds by that much between two prunings.
 *
 * <p>A write is one transaction: a report, a chunk of a list's reports, or a list is kept whole or not at all. An id
 * kept again replaces its row.
 */
@ApplicationScoped
public class ReportStore {

    private static final Logger LOG = Logger.getLogger(ReportStore.class);

    /** A report encoded for keeping: its id and its JSON, gzipped (done on the caller's thread, outside any transaction). */
    public record Encoded(String id, byte[] gzip) {
    }

    /**
     * The service's mapper, writing nulls too: an evidence value that is null shows as "—" on the report, and must come
     * back as a null rather than not at all.
     */
    private static final ObjectMapper MAPPER = Json.MAPPER.copy()
            .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS));

    private final vn.phendau.common.Database database;
    private final PagesConfig config;
    private final Table reports;
    private final Table lists;

    public ReportStore(vn.phendau.common.Database database, PagesConfig config) {
        this.database = database;
        this.config = config;
        this.reports = new Table("page_report", config.keptReports(), config.keptReportBytes());
        this.lists = new Table("page_list", config.keptLists(), config.keptListBytes());
    }

    public static Encoded encode(Assessment a) {
        return new Encoded(a.assessmentId(), gzipJson(a));
    }

    public void put(Assessment a) {
        putAll(List.of(encode(a)));
    }

    /** Keeps these reports together, in one transaction. */
    public void putAll(List<Encoded> encoded) {
        if (!encoded.isEmpty()) {
            reports.write(encoded);
        }
    }

    public Optional<Assessment> report(String assessmentId) {
        return reports.read(assessmentId).map(bytes -> fromJson(bytes, Assessment.class));
    }

    public void put(ListResult list) {
        lists.write(List.of(new Encoded(list.listId(), gzipJson(list))));
    }

    public Optional<ListResult> list(String listId) {
        return lists.read(listId).map(bytes -> fromJson(bytes, ListResult.class));
    }

    /** The bytes the kept reports weigh now (gzipped, as stored). */
    public long reportBytes() {
        return reports.bytes();
    }

    /** The bytes the kept lists weigh now (gzipped, as stored). */
    public long listBytes() {
        return lists.bytes();
    }

    public long reportCount() {
        return reports.count();
    }

    public long listCount() {
        return lists.count();
    }

    /** Applies the retention to both tables now, whatever has been written since the last time. */
    public void prune() {
        reports.prune();
        lists.prune();
    }

    private static byte[] gzipJson(Object value) {
        try {
            return Stored.gzip(MAPPER.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T fromJson(byte[] gzip, Class<T> type) {
        try {
            return MAPPER.readValue(Stored.gunzip(gzip), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One of the two tables, its bounds, and what has been written to it since it was last pruned. */
    private final class Table {
        private final String name;
        private final int maxCount;
        private final long maxBytes;
        private final AtomicLong writtenSince = new AtomicLong();
        private final AtomicLong bytesSince = new AtomicLong();

        Table(String name, int maxCount, long maxBytes) {
            this.name = name;
            this.maxCount = Math.max(1, maxCount);
            this.maxBytes = maxBytes;
        }

        void write(List<Encoded> rows) {
            Instant now = Instant.now();
            long bytes = QuarkusTransaction.requiringNew().call(() -> {
                long total = 0;
                for (Encoded e : rows) {
                    // Kept again (the same report put twice): it moves to the newest, as the one row it is.
                    database.em().createNativeQuery("DELETE FROM " + name + " WHERE id = ?1").setParameter(1, e.id()).executeUpdate();
                    database.em().createNativeQuery("INSERT INTO " + name + " (id, kept_at, bytes, body_gzip) VALUES (?1, ?2, ?3, ?4)")
                            .setParameter(1, e.id()).setParameter(2, now).setParameter(3, e.gzip().length)
                            .setParameter(4, e.gzip()).executeUpdate();
                    total += e.gzip().length;
                }
                return total;
            });
            // Pruning reads the whole table's weights, so it waits for about 1% of a bound to be written.
            long n = writtenSince.addAndGet(rows.size());
            long b = bytesSince.addAndGet(bytes);
            if (n >= Math.max(1, maxCount / 100) || b >= Math.max(1, maxBytes / 100)) {
                try {
                    prune();
                } catch (RuntimeException ex) {
                    // What was written is kept; the next write prunes again (another instance may be pruning now).
                    LOG.warnf("could not prune %s now: %s", name, ex.getMessage());
                }
            }
        }

        Optional<byte[]> read(String id) {
            List<?> rows = QuarkusTransaction.joiningExisting().call(() ->
                    database.em().createNativeQuery("SELECT body_gzip FROM " + name + " WHERE id = ?1").setParameter(1, id).getResultList());
            return rows.isEmpty() ? Optional.empty() : Optional.of((byte[]) rows.get(0));
        }

        long bytes() {
            return QuarkusTransaction.joiningExisting().call(() -> ((Number) database.em().createNativeQuery(
                    "SELECT COALESCE(SUM(bytes), 0) FROM " + name).getSingleResult()).longValue());
        }

        long count() {
            return QuarkusTransaction.joiningExisting().call(() -> ((Number) database.em().createNativeQuery(
                    "SELECT COUNT(*) FROM " + name).getSingleResult()).longValue());
        }

        /** Drops what is older than the kept days, then the oldest until the count and the weight are within bounds. */
        void prune() {
            writtenSince.set(0);
            bytesSince.set(0);
            Instant oldest = Instant.now().minus(Duration.ofDays(config.keptDays()));
            QuarkusTransaction.requiringNew().run(() -> {
                database.em().createNativeQuery("DELETE FROM " + name + " WHERE kept_at < ?1").setParameter(1, oldest).executeUpdate();
                // The newest row whose own weight and count, added to those of every row newer than it, go over a bound:
                // it and every older row go; the newest of all stays whatever it weighs.
                Object cut = database.em().createNativeQuery("SELECT MAX(seq) FROM (SELECT seq, ROW_NUMBER() OVER (ORDER BY seq DESC) AS rn,"
                                + " SUM(bytes) OVER (ORDER BY seq DESC) AS total FROM " + name + ") w"
                                + " WHERE rn > 1 AND (rn > ?1 OR total > ?2)")
                        .setParameter(1, maxCount).setParameter(2, maxBytes).getSingleResult();
                if (cut != null) {
                    database.em().createNativeQuery("DELETE FROM " + name + " WHERE seq <= ?1").setParameter(1, ((Number) cut).longValue())
                            .executeUpdate();
                }
            });
        }
    }
}
