package vn.phendau.http;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most as many assessments of single proposals at once as there are processors; the others wait their turn,
 * first come, first served. An assessment is work for the processor alone: sixteen at once on two cores only
 * interleave, each pushing the others' data out of the caches, and every one of them is slow instead of most of
 * them fast (BENCHMARKS.md has the figures). Only work this heavy is worth a turn: a validation is over before
 * waiting for a turn would pay. A body is read before the turn is taken, so a slow client holds no turn.
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
