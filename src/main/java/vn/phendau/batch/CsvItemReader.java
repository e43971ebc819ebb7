package vn.phendau.batch;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import vn.phendau.problem.Problem;
import vn.phendau.problem.ProblemException;

/** A CSV list, UTF-8 with or without a byte-order mark: the header names field paths, each row is a proposal. */
public final class CsvItemReader implements ItemReader {

    private final Reader reader;
    private final CsvRows rows;
    private final RowMapper mapper;
    private int index;

    public CsvItemReader(InputStream in) {
        reader = new java.io.BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        rows = new CsvRows(reader);
        if (!rows.hasNext()) {
            throw new ProblemException(400, "validation", "Danh sách trống", "Empty list",
                    List.of(Problem.at("$", "tệp CSV không có dòng tiêu đề", "the CSV file has no header row")));
        }
        mapper = new RowMapper(rows.next());
    }

    @Override
    public boolean hasNext() {
        try {
            return rows.hasNext();
        } catch (java.io.UncheckedIOException e) {
            throw notUtf8(e);
        }
    }

    @Override
    public BatchItem next() {
        List<String> cells;
        try {
            cells = rows.next();
        } catch (java.io.UncheckedIOException e) {
            throw notUtf8(e);
        }
        return mapper.map(index++, cells);
    }

    private ProblemException notUtf8(java.io.UncheckedIOException e) {
        return new ProblemException(400, "validation", "Tệp CSV không đọc được", "Unreadable CSV",
                List.of(Problem.at("$", "tệp không phải văn bản UTF-8 (từ mục " + index + ")",
                        "the file is not UTF-8 text (from item " + index + ")")));
    }

    @Override
    public void close() throws java.io.IOException {
        reader.close();
    }
}
