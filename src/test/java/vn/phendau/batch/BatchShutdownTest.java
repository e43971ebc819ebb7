package vn.phendau.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.phendau.Engine;
import vn.phendau.assessment.Assessment;
import vn.phendau.assessment.Explainer;
import vn.phendau.problem.Problem;
import vn.phendau.reference.ParameterTable;

/**
 * What SIGTERM does to lists, past the HTTP layer's grace ({@code quarkus.shutdown.timeout}): the container destroys
 * the batch service, whose pool then drains, and a list still under way stops taking items and ends cut short,
 * without its summary; a list already done is untouched.
 */
class BatchShutdownTest {

    private static BatchService batch(int threads) {
        return new BatchService(Engine.READER, Engine.SERVICE, Engine.RULES, Engine.GROUPS, new ParameterTable(),
                new Explainer(), Engine.LEGAL, () -> threads);
    }

    /** The sample list's items over and over, each with an id of its own: a list that would run for hours. */
    private static ItemReader endless() throws IOException {
        List<BatchItem> items = new ArrayList<>();
        try (ItemReader r = BatchFormat.CSV.open(SampleLists.CSV, Engine.READER)) {
            r.forEachRemaining(items::add);
        }
        return new ItemReader() {
            int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public BatchItem next() {
                BatchItem item = items.get(next % items.size());
                ObjectNode node = item.node() == null ? null : item.node().deepCopy();
                if (node != null && node.has("id")) {
                    node.put("id", node.get("id").asText() + "-" + next);
                }
                return new BatchItem(next++, node, item.problems());
            }

            @Override
            public void close() {
            }
        };
    }

    /** Counts what is written; says when the first answers are out. */
    private static final class Counting implements BatchSink {
        final AtomicInteger written = new AtomicInteger();
        final AtomicBoolean finished = new AtomicBoolean();
        final CountDownLatch started = new CountDownLatch(20);

        @Override
        public void result(int index, Assessment assessment) {
            written.incrementAndGet();
            started.countDown();
        }

        @Override
        public void error(int index, String projectId, List<Problem> problems) {
            written.incrementAndGet();
            started.countDown();
        }

        @Override
        public void finish(BatchSummary summary, List<PortfolioFinding> portfolioFindings) {
            finished.set(true);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aListUnderWayEndsCutShortAndThePoolDrains(int threads) throws Exception {
        BatchService service = batch(threads);
        Counting sink = new Counting();
        ItemReader items = endless();
        CompletableFuture<BatchSummary> run = CompletableFuture.supplyAsync(() -> {
            try {
                return service.run(items, sink);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(sink.started.await(60, TimeUnit.SECONDS), "the list got going");
        service.stop();
        ExecutionException ended = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> run.get(30, TimeUnit.SECONDS), "the list ends once the service stops");
        assertInstanceOf(vn.phendau.ops.ServiceStopping.class, ended.getCause().getCause());
        assertFalse(sink.finished.get(), "a list cut short has no summary");
        assertTrue(service.drained(), "no batch thread is left");
        int written = sink.written.get();
        Thread.sleep(200);
        assertEquals(written, sink.written.get(), "nothing is written after the list ended");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aListDoneBeforeTheShutdownIsWhole(int threads) throws Exception {
        BatchService service = batch(threads);
        Counting sink = new Counting();
        BatchSummary summary;
        try (ItemReader items = BatchFormat.CSV.open(SampleLists.CSV, Engine.READER)) {
            summary = service.run(items, sink);
        }
        service.stop();
        assertTrue(sink.finished.get());
        assertEquals(summary.total(), sink.written.get());
        assertTrue(service.drained());
        // A list that comes after the shutdown began is not started.
        try (ItemReader items = BatchFormat.CSV.open(SampleLists.CSV, Engine.READER)) {
            Counting late = new Counting();
            org.junit.jupiter.api.Assertions.assertThrows(vn.phendau.ops.ServiceStopping.class, () -> service.run(items, late));
            assertEquals(0, late.written.get());
        }
    }
}
