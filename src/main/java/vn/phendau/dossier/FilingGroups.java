package vn.phendau.dossier;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jboss.logging.Logger;
import vn.phendau.dossier.DossierService.Filing;
import vn.phendau.dossier.DossierService.Outcome;
import vn.phendau.problem.Problem;
import vn.phendau.problem.ProblemException;

/**
 * Group commit of single filings. Every filing ends by locking the audit chain's head, so filings one at a time
 * commit one after the other, each paying for its own transaction while the others wait. Here one thread stores them:
 * the filings that arrived while it stored the last group make the next group, one transaction and one chain lock for
 * all (at most {@value #MOST} a group, as a list's chunk). A filing alone is stored alone, at once. If a group fails,
 * each of its filings is stored again on its own, so that one bad filing fails alone.
 */
final class FilingGroups {

    private static final Logger LOG = Logger.getLogger(FilingGroups.class);
    static final int MOST = 50;
    /** How long a request waits for its group; past it the answer says the filing is not confirmed. */
    static final long WAIT_SECONDS = 120;

    private record Waiting(Filing filing, CompletableFuture<Outcome> outcome) {
    }

    private final Function<List<Filing>, List<Outcome>> store;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private volatile Thread storer;
    private volatile boolean running = true;

    FilingGroups(Function<List<Filing>, List<Outcome>> store) {
        this.store = store;
    }

    Outcome store(Filing filing) {
        Waiting w = new Waiting(filing, new CompletableFuture<>());
        start();
        queue.add(w);
        try {
            return w.outcome().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new CompletionException(e.getCause());
        } catch (TimeoutException e) {
            throw notConfirmed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notConfirmed();
        }
    }

    /** The filings waiting for the next group (for the tests). */
    int waiting() {
        return queue.size();
    }

    /** Filing the same proposal again is safe: an unchanged proposal makes no new version. */
    static ProblemException notConfirmed() {
        return new ProblemException(503, "filing-not-confirmed", "Chưa xác nhận được việc nộp hồ sơ",
                "The filing is not confirmed", List.of(Problem.at("$",
                "hệ thống đang bận; hãy nộp lại đúng hồ sơ này: nếu hồ sơ đã được lưu, lần nộp lại không tạo phiên bản mới",
                "the service is busy; file the same proposal again: if it was stored, filing it again makes no new version")));
    }

    /** The storing thread, made at the first filing (not at construction, which CDI may do for a proxy). */
    private void start() {
        if (storer == null) {
            synchronized (this) {
                if (storer == null) {
                    Thread t = new Thread(this::loop, "phendau-filing");
                    t.setDaemon(true);
                    t.start();
                    storer = t;
                }
            }
        }
    }

    /**
     * Ends the storing thread once the filings waiting are stored (the service stops; dev mode reloads). Not by an
     * interrupt: an interrupt in the middle of H2's file writes closes the database's file.
     */
    void stop() {
        running = false;
    }

    private void loop() {
        List<Waiting> group = new ArrayList<>(MOST);
        while (running || !queue.isEmpty()) {
            Waiting first;
            try {
                first = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                continue;
            }
            group.add(first);
            queue.drainTo(group, MOST - 1);
            storeGroup(group);
            group.clear();
        }
    }

    private void storeGroup(List<Waiting> group) {
        try {
            List<Outcome> outcomes = store.apply(group.stream().map(Waiting::filing).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).outcome().complete(outcomes.get(i));
            }
            return;
        } catch (RuntimeException | Error e) {
            if (group.size() == 1) {
                group.get(0).outcome().completeExceptionally(e);
                return;
            }
            LOG.debugf(e, "a group of %d filings failed; each is stored again on its own", group.size());
        }
        for (Waiting w : group) {
            try {
                w.outcome().complete(store.apply(List.of(w.filing())).get(0));
            } catch (RuntimeException | Error e) {
                w.outcome().completeExceptionally(e);
            }
        }
    }
}
