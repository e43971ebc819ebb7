package vn.phendau.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TurnsTest {

    @Test
    void noMoreComputeAtOnceThanThereAreProcessorsAndEveryoneGetsATurn() throws Exception {
        int processors = Runtime.getRuntime().availableProcessors();
        int requests = processors * 4;
        Turns turns = new Turns();
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch allWaiting = new CountDownLatch(requests);
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int id = i;
                answers.add(threads.submit(() -> {
                    allWaiting.countDown();
                    allWaiting.await();
                    return turns.take(() -> {
                        most.accumulateAndGet(now.incrementAndGet(), Math::max);
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        now.decrementAndGet();
                        return id;
                    });
                }));
            }
            for (int i = 0; i < requests; i++) {
                assertEquals(i, answers.get(i).get(10, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }
        assertTrue(most.get() <= processors, most.get() + " computed at once on " + processors + " processors");
        assertTrue(most.get() >= Math.min(2, processors), "turns are taken side by side, not one at a time");
    }

    @Test
    void aFailedComputationGivesItsTurnBack() {
        Turns turns = new Turns();
        int processors = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < processors + 1; i++) {
            try {
                turns.take(() -> {
                    throw new IllegalStateException("bad proposal");
                });
            } catch (IllegalStateException expected) {
                // the turn is given back all the same
            }
        }
        // Were a failed turn kept, the processors' turns would be gone and this would wait for ever.
        assertEquals("after", assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> turns.take(() -> "after")));
    }
}
