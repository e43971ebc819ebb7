package vn.phendau.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import vn.phendau.common.VietnameseText;
import vn.phendau.problem.Problem;
import vn.phendau.problem.ProblemException;

/** A CSV list, UTF-8 with or without a byte-order mark: the header names field paths, each row is a proposal. */
public final class CsvItemReader implements ItemReader {

    private final Reader reader;
    private final CsvRows rows;
    private final RowMapper mapper;
    private int index;
    /** The row under the header, read to tell whether it is the labels' row, until it is answered. */
    private List<String> pending;

    /** A cell longer than maxChars (code points) is its row's problem; no more than that is held of it. */
    public CsvItemReader(InputStream in, int maxChars) {
        this(in, maxChars, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** The same, with at most maxColumns columns in the header and maxProblems problems reported of it. */
    public CsvItemReader(InputStream in, int maxChars, int maxColumns, int maxProblems) {
        reader = new java.io.BufferedReader(new InputStreamReader(in, VietnameseText.strictUtf8()), 1 << 16);
        rows = rowsOf(reader, maxChars);
        try {
            if (!rows.hasNext()) {
                throw new ProblemException(400, "validation", "Danh sách trống", "Empty list",
                        List.of(Problem.at("$", "tệp CSV không có dòng tiêu đề", "the CSV file has no header row")));
            }
            mapper = new RowMapper(rows.next(), maxChars, maxColumns, maxProblems);
            // The template's row of labels, kept when a filled template is saved as CSV: not a project.
            if (rows.hasNext()) {
                List<String> second = rows.next();
                pending = mapper.isLabelRow(second) ? null : second;
            }
        } catch (UncheckedIOException e) {
            throw notUtf8();
        }
    }

    /** The rows of a CSV text, keeping of each cell just enough to tell that it is over the limit. */
    static CsvRows rowsOf(Reader reader, int maxChars) {
        return new CsvRows(reader, (int) Math.min(Integer.MAX_VALUE, 2L * maxChars + 2));
    }

    @Override
    public boolean hasNext() {
        try {
            return pending != null || rows.hasNext();
        } catch (UncheckedIOException e) {
            throw notUtf8();
        }
    }

    @Override
    public BatchItem next() {
        List<String> cells;
        try {
            cells = pending != null ? pending : rows.next();
            pending = null;
        } catch (UncheckedIOException e) {
            throw notUtf8();
        }
        BatchItem item = mapper.map(index++, cells);
        if (!rows.unclosedQuote()) {
            return item;
        }
        List<Problem> problems = new ArrayList<>(item.problems());
        problems.add(0, Problem.at("$",
                "dấu ngoặc kép mở ở dòng " + rows.recordLine() + " không được đóng: phần còn lại của tệp đã bị đọc vào một ô",
                "a quote opened on line " + rows.recordLine() + " is never closed: the rest of the file was read into one cell"));
        return BatchItem.unreadable(item.index(), item.node(), problems);
    }

    private ProblemException notUtf8() {
        return new ProblemException(400, "validation", "Tệp CSV không đọc được", "Unreadable CSV",
                List.of(Problem.at("$", "tệp không phải văn bản UTF-8 (từ mục " + index + ")",
                        "the file is not UTF-8 text (from item " + index + ")")));
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
