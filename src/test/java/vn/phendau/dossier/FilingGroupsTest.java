package vn.phendau.dossier;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.sameInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.phendau.dossier.DossierService.Filing;
import vn.phendau.dossier.DossierService.Outcome;
import vn.phendau.security.Scope;

/** The group commit of single filings, with a store of the test's own in place of the database. */
class FilingGroupsTest {

    /** A store that records each group it is given and answers each filing with an outcome of its own. */
    static final class Store implements Function<List<Filing>, List<Outcome>> {
        final List<List<String>> groups = new CopyOnWriteArrayList<>();
        final Map<Filing, Outcome> answered = new ConcurrentHashMap<>();
        final CountDownLatch firstHeld = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public List<Outcome> apply(List<Filing> group) {
            groups.add(group.stream().map(Filing::by).toList());
            if (groups.size() == 1) {
                firstHeld.countDown();
                await(release);
            }
            if (group.size() > 1 && group.stream().anyMatch(f -> f.by().equals("bad"))) {
                throw new IllegalStateException("the database refuses the group");
            }
            if (group.size() == 1 && group.get(0).by().equals("bad")) {
                throw new IllegalStateException("the database refuses this filing");
            }
            List<Outcome> out = new ArrayList<>();
            for (Filing f : group) {
                Outcome o = new Outcome(null, null);
                answered.put(f, o);
                out.add(o);
            }
            return out;
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Filing filing(String by) {
        return new Filing(null, by, Scope.ALL);
    }

    @Test
    void filingsThatArriveWhileAGroupIsStoredMakeTheNextGroupAndEachGetsItsOwnOutcome() throws Exception {
        Store store = new Store();
        FilingGroups groups = new FilingGroups(store);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Filing first = filing("first");
            Future<Outcome> firstDone = pool.submit(() -> groups.store(first));
            await(store.firstHeld);
            List<Filing> later = new ArrayList<>();
            List<Future<Outcome>> laterDone = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Filing f = filing("later-" + i);
                later.add(f);
                laterDone.add(pool.submit(() -> groups.store(f)));
            }
            waitUntilQueued(groups, 5);
            store.release.countDown();
            assertThat(firstDone.get(30, TimeUnit.SECONDS), sameInstance(store.answered.get(first)));
            for (int i = 0; i < 5; i++) {
                assertThat(laterDone.get(i).get(30, TimeUnit.SECONDS), sameInstance(store.answered.get(later.get(i))));
            }
            assertThat(store.groups.toString(), store.groups.size(), equalTo(2));
            assertThat(store.groups.get(1).size(), equalTo(5));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aGroupThatFailsIsStoredAgainOneByOneSoThatOnlyTheBadFilingFails() throws Exception {
        Store store = new Store();
        FilingGroups groups = new FilingGroups(store);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<Outcome> firstDone = pool.submit(() -> groups.store(filing("first")));
            await(store.firstHeld);
            Filing good = filing("good");
            Future<Outcome> goodDone = pool.submit(() -> groups.store(good));
            Future<Outcome> badDone = pool.submit(() -> groups.store(filing("bad")));
            waitUntilQueued(groups, 2);
            store.release.countDown();
            firstDone.get(30, TimeUnit.SECONDS);
            assertThat(goodDone.get(30, TimeUnit.SECONDS), sameInstance(store.answered.get(good)));
            try {
                badDone.get(30, TimeUnit.SECONDS);
                throw new AssertionError("the bad filing was stored");
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause().getMessage(), equalTo("the database refuses this filing"));
            }
            // The group of two, then each on its own.
            assertThat(store.groups.toString(), store.groups.subList(1, store.groups.size()).stream().map(List::size).toList(),
                    equalTo(List.of(2, 1, 1)));
        } finally {
            pool.shutdownNow();
        }
    }

    private static void waitUntilQueued(FilingGroups groups, int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (groups.waiting() < n && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(groups.waiting(), equalTo(n));
    }
}
