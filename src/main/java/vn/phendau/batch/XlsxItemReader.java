package vn.phendau.batch;

import java.io.InputStream;
import java.util.List;
import vn.phendau.problem.ProblemException;

/** Placeholder until Excel reading lands: refuses with 415 rather than guessing. */
public final class XlsxItemReader implements ItemReader {

    public XlsxItemReader(InputStream in) {
        throw ProblemException.unsupportedMediaType(BatchFormat.XLSX.mediaType, "application/json, text/csv");
    }

    @Override
    public boolean hasNext() {
        return false;
    }

    @Override
    public BatchItem next() {
        throw new java.util.NoSuchElementException();
    }

    @Override
    public void close() {
    }

    static List<String> none() {
        return List.of();
    }
}
