package vn.phendau.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

    public Lists(BatchService batch, ProposalReader reader, Limits limits, ObjectMapper mapper) {
        this.batch = batch;
        this.reader = reader;
        this.limits = limits;
        this.mapper = mapper;
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
            int items = format.count(file, reader);
            if (items > limits.batchItems()) {
                throw ProblemException.tooLarge("$", "danh sách có " + items + " mục, vượt giới hạn " + limits.batchItems() + " mục",
                        "the list has " + items + " items, over the limit of " + limits.batchItems());
            }
            // Read the start now, so that a list that is not a list at all (a header with unknown columns, a
            // JSON object) is refused with 400 before the answer begins.
            format.open(file, reader).close();
            return file;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    public BatchSummary assess(Path file, BatchFormat in, BatchFormat out, OutputStream os) throws IOException {
        return assess(file, in, out, os, java.util.function.UnaryOperator.identity());
    }

    /** @param decorate wraps the format's writer, for a caller that does more with each answer (dossiers file it) */
    public BatchSummary assess(Path file, BatchFormat in, BatchFormat out, OutputStream os,
                               java.util.function.UnaryOperator<BatchSink> decorate) throws IOException {
        try (ItemReader items = in.open(file, reader)) {
            BatchSink sink = decorate.apply(out.sink(mapper, os));
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
