package vn.phendau.http;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most as many single requests computing at once as there are processors; the others wait their turn, first
 * come, first served. Reading and checking a proposal and assessing it is work for the processor alone: running
 * sixteen at once on two cores only interleaves them, each pushing the others' data out of the caches, and makes
 * every one of them slow instead of most of them fast. A body is read before the turn is taken, so a slow client
 * holds no turn.
 */
@ApplicationScoped
public class Turns {

    private final Semaphore turns = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    public <T> T take(Supplier<T> work) {
        turns.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }
}
