package vn.phendau.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** The property tests' own generator: a failing try names its seed, and that seed gives the same proposal again. */
class SeededTest {

    @Test
    void aFailingTryPrintsTheSeedThatReplaysIt() {
        RepetitionInfo third = new RepetitionInfo() {
            @Override
            public int getCurrentRepetition() {
                return 3;
            }

            @Override
            public int getTotalRepetitions() {
                return 10;
            }

            @Override
            public int getFailureCount() {
                return 0;
            }

            @Override
            public int getFailureThreshold() {
                return Integer.MAX_VALUE;
            }
        };
        long seed = Seeded.seed(third);
        String[] seen = new String[1];
        AssertionError e = assertThrows(AssertionError.class, () -> Seeded.check(third, r -> {
            seen[0] = AssessmentPropertiesTest.proposal(r).toString();
            throw new AssertionError("boom");
        }));
        assertTrue(e.getMessage().contains("seed " + seed) && e.getMessage().contains("-Dphendau.seed=" + seed), e.getMessage());
        assertEquals(seen[0], AssessmentPropertiesTest.proposal(Seeded.generator(seed)).toString(), "the seed replays the try");
    }
}
