package vn.phendau.replay;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import vn.phendau.assessment.WarmUp;

/**
 * This instance's share of the replays: a few threads that look for a running replay, claim chunks of it until
 * none is left, and mark it done. They start once the service is warm, and pick up a replay left running by a
 * restart: their first look (queries the database plans for the first time, and the clean-up of old replays) would
 * otherwise take CPU from the start-up (BENCHMARKS.md).
 */
@ApplicationScoped
public class ReplayWorker {

    private static final Logger LOG = Logger.getLogger(ReplayWorker.class);
    private static final AtomicInteger INSTANCE = new AtomicInteger();

    private final ReplayService replays;
    private final ReplayConfig config;
    private final WarmUp warmUp;
    private final Object wake = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private boolean stopped;
    private long lastForget;

    public ReplayWorker(ReplayService replays, ReplayConfig config, @Readiness WarmUp warmUp) {
        this.replays = replays;
        this.config = config;
        this.warmUp = warmUp;
    }

    void onStart(@Observes StartupEvent e) {
        warmUp.whenDone().thenRun(this::startConfigured);
    }

    private synchronized void startConfigured() {
        if (!stopped) {
            start(config.threads());
        }
    }

    void onStop(@Observes ShutdownEvent e) {
        stop();
    }

    /** Starts this many worker threads (the configured number at start-up). */
    public synchronized void start(int count) {
        stopped = false;
        running = true;
        String instance = ProcessHandle.current().pid() + "-" + INSTANCE.incrementAndGet();
        for (int i = 1; i <= count; i++) {
            String name = "phendau-replay-" + instance + "-" + i;
            Thread t = new Thread(() -> loop(name), name);
            t.setDaemon(true);
            t.setContextClassLoader(ReplayWorker.class.getClassLoader());  // Drools loads classes through it
            threads.add(t);
            t.start();
        }
    }

    /**
     * Stops the threads: an idle one at once, one with a chunk under way when it has committed it (or, past two
     * seconds, interrupted: the chunk is rolled back and its dossiers stay to be claimed). Interrupting a thread in
     * the middle of a query at once made Hibernate log a warning at every stop soon after a start.
     */
    public synchronized void stop() {
        stopped = true;
        running = false;
        wake();
        try {
            for (Thread t : threads) {
                t.join(2_000);
            }
            threads.forEach(Thread::interrupt);
            for (Thread t : threads) {
                t.join(10_000);
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
        threads.clear();
    }

    /** A replay was started here: no need to wait for the next poll. */
    public void wake() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void loop(String name) {
        while (running && !Thread.currentThread().isInterrupted()) {
            Long id = null;
            try {
                id = replays.nextRunning();
                if (id == null) {
                    forgetOldNowAndThen();
                    idle(config.poll().toMillis());
                    continue;
                }
                drainOnce(id, name);
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.errorf(e, "replay %s failed in %s", id, name);
                if (id != null) {
                    replays.fail(id, e.getClass().getSimpleName() + ": " + e.getMessage());
                }
                idle(config.poll().toMillis());
            }
        }
    }

    /** One step of a replay: a chunk, or its end (or a short wait while other workers finish their chunks). */
    private void drainOnce(long id, String name) {
        int claimed = replays.runChunk(id, name);
        if (claimed == 0 && !replays.finishIfDone(id)) {
            idle(200);
        }
    }

    private void forgetOldNowAndThen() {
        long now = System.currentTimeMillis();
        if (now - lastForget > 3_600_000L) {
            lastForget = now;
            replays.forgetOld();
        }
    }

    private void idle(long millis) {
        synchronized (wake) {
            try {
                wake.wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
