package vn.phendau.properties;

import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Random tries of a property, each from a seed of its own, so that a failure can be replayed: the seeds of a run
 * are consecutive from a base, which is {@code -Dphendau.seed} when given (then the first try replays exactly that
 * seed) and otherwise new each run. A failing try says its seed and the property to re-run with it.
 */
final class Seeded {

    /** The generator algorithm: fixed, so that a seed means the same values on every JDK from 17. */
    static final String ALGORITHM = "L64X128MixRandom";
    static final long BASE = Long.getLong("phendau.seed", System.nanoTime());

    private Seeded() {
    }

    /** The seed of a try: the base for the first, then one more per try. */
    static long seed(RepetitionInfo run) {
        return BASE + run.getCurrentRepetition() - 1;
    }

    static RandomGenerator generator(long seed) {
        return RandomGeneratorFactory.of(ALGORITHM).create(seed);
    }

    /** Runs the property on this try's generator; a failure is rethrown with the seed that replays it. */
    static void check(RepetitionInfo run, Consumer<RandomGenerator> property) {
        long seed = seed(run);
        try {
            property.accept(generator(seed));
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("try " + run.getCurrentRepetition() + " of " + run.getTotalRepetitions()
                    + " failed with seed " + seed + "; replay it with -Dphendau.seed=" + seed + ": " + e, e);
        }
    }
}
