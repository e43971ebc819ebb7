package vn.phendau.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import vn.phendau.http.ClientGone;
import vn.phendau.http.Limits;
import vn.phendau.problem.ProblemException;
import vn.phendau.proposal.ProposalReader;

/**
 * A list from its bytes to its answer, the same for the API and the command line: spooled to a temporary file
 * within the size limit, counted within the item limit (so a refusal comes before any answer), then read,
 * assessed and written one item at a time.
 */
@ApplicationScoped
public class Lists {

    private final BatchService batch;
    private final ProposalReader reader;
    private final Limits limits;
    private final ObjectMapper mapper;
    private final Semaphore underWay;

    /** A list takes seconds, not minutes: a client refused may well find a place this soon. */
    private static final int RETRY_AFTER_SECONDS = 5;

    /**
     * The characters of text a list answered by reference keeps to write once at its end (about 32 MB of heap); the
     * texts past it are written in full where they occur. Most are the rules' and criteria's own, met again and again.
     */
    static final long REFERENCED_TEXT_CHARS = 16_000_000;

    public Lists(BatchService batch, ProposalReader reader, Limits limits, ObjectMapper mapper) {
        this.batch = batch;
        this.reader = reader;
        this.limits = limits;
        this.mapper = mapper;
        this.underWay = new Semaphore(Math.max(1, limits.concurrentLists()));
    }

    /** The input, checked and spooled; the caller assesses it with {@link #assess} and deletes it after. */
    public Path spool(InputStream in, BatchFormat format) throws IOException {
        Path file = Files.createTempFile("phendau-list", format.extension);
        try {
            long copied = copy(in, file, limits.batchBytes());
            if (copied > limits.batchBytes()) {
                throw ProblemException.tooLarge("$", "danh sách vượt giới hạn " + limits.batchBytes() + " byte",
                        "the list is over the limit of " + limits.batchBytes() + " bytes");
            }
            return check(file, format);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /**
     * A list already spooled (the API's, by the event loop: {@code BodyGuard}) checked as {@link #spool} checks it;
     * the caller deletes the file.
     */
    public Path check(Path file, BatchFormat format) throws IOException {
        if (Files.size(file) > limits.batchBytes()) {
            throw ProblemException.tooLarge("$", "danh sách vượt giới hạn " + limits.batchBytes() + " byte",
                    "the list is over the limit of " + limits.batchBytes() + " bytes");
        }
        int items = format.count(file, reader);
        if (items > limits.batchItems()) {
            throw ProblemException.tooLarge("$", "danh sách có " + items + " mục, vượt giới hạn " + limits.batchItems() + " mục",
                    "the list has " + items + " items, over the limit of " + limits.batchItems());
        }
        // Read the start now, so that a list that is not a list at all (a header with unknown columns, a
        // JSON object) is refused with 400 before the answer begins.
        format.open(file, reader).close();
        return file;
    }

    public BatchSummary assess(Path file, BatchFormat in, BatchFormat out, OutputStream os) throws IOException {
        return assess(file, in, out, os, () -> false, java.util.function.UnaryOperator.identity());
    }

    /**
     * The list assessed and written; {@code gone} says the client has left, and the list stops at its next item
     * (the items under way are cancelled) with {@link ClientGone}.
     *
     * @param decorate wraps the format's writer, for a caller that does more with each answer (dossiers file it)
     */
    public BatchSummary assess(Path file, BatchFormat in, BatchFormat out, OutputStream os, BooleanSupplier gone,
                               java.util.function.UnaryOperator<BatchSink> decorate) throws IOException {
        return assess(file, in, out, os, gone, decorate, false);
    }

    /** @param byReference a JSON answer's citations and texts by reference, each once at the end ({@code ?citations=ref}) */
    public BatchSummary assess(Path file, BatchFormat in, BatchFormat out, OutputStream os, BooleanSupplier gone,
                               java.util.function.UnaryOperator<BatchSink> decorate, boolean byReference) throws IOException {
        try (ItemReader items = cancellable(in.open(file, reader), gone)) {
            BatchSink sink = decorate.apply(out.sink(mapper, os, byReference ? new vn.phendau.legal.References(REFERENCED_TEXT_CHARS) : null));
            try {
                return batch.run(items, sink);
            } finally {
                // A writer with temporary files (Excel) lets them go even when the list fails half-way.
                if (sink instanceof java.io.Closeable c) {
                    c.close();
                }
            }
        }
    }

    /** The same list, stopping with {@link ClientGone} at the first item read after the client has left. */
    public static ItemReader cancellable(ItemReader items, BooleanSupplier gone) {
        return new ItemReader() {
            @Override
            public boolean hasNext() {
                if (gone.getAsBoolean()) {
                    throw new ClientGone();
                }
                return items.hasNext();
            }

            @Override
            public BatchItem next() {
                return items.next();
            }

            @Override
            public void close() throws IOException {
                items.close();
            }
        };
    }

    /**
     * A place among the lists assessed at once ({@code phendau.limits.concurrent-lists}), given back by
     * {@link Slot#close} (once, however often it is called); none left is 503 with Retry-After.
     */
    public Slot admit() {
        if (!underWay.tryAcquire()) {
            throw ProblemException.busy(RETRY_AFTER_SECONDS,
                    "đang đánh giá " + limits.concurrentLists() + " danh sách, tối đa cùng lúc; hãy thử lại sau",
                    limits.concurrentLists() + " lists are being assessed, the most at once; try again later");
        }
        return new Slot();
    }

    /** How many lists are being assessed now. */
    public int underWay() {
        return limits.concurrentLists() - underWay.availablePermits();
    }

    public final class Slot implements AutoCloseable {
        private final AtomicBoolean held = new AtomicBoolean(true);

        @Override
        public void close() {
            if (held.compareAndSet(true, false)) {
                underWay.release();
            }
        }
    }

    private static long copy(InputStream in, Path file, long limit) throws IOException {
        long total = 0;
        try (InputStream src = in; OutputStream dst = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = src.read(buffer)) > 0; ) {
                total += n;
                if (total > limit) {
                    return total;
                }
                dst.write(buffer, 0, n);
            }
        }
        return total;
    }
}
