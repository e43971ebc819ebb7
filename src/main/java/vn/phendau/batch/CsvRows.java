package vn.phendau.batch;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * RFC 4180 records, one at a time: quoted cells may hold the delimiter, quotes ("") and line breaks. The
 * delimiter is ',' unless the header uses ';' (as Excel writes CSV under a Vietnamese locale). A UTF-8 byte-order
 * mark before the header is skipped. Blank lines are skipped.
 */
final class CsvRows implements Iterator<List<String>> {

    private final Reader in;
    /** Characters kept of one cell; the rest is read past, not held (the mapper refuses the cell as too long). */
    private final int maxCell;
    /** Read in blocks: a Reader's read() of one char takes a lock each time, which showed in the list profile. */
    private final char[] buffer = new char[1 << 14];
    private int position;
    private int limit;
    private char delimiter = 0;
    private int lookahead = -2;
    private List<String> next;
    private int line = 1;
    private int recordLine;
    private boolean unclosed;
    private boolean nextUnclosed;

    CsvRows(Reader in) {
        this(in, Integer.MAX_VALUE);
    }

    CsvRows(Reader in, int maxCell) {
        this.in = in;
        this.maxCell = maxCell;
    }

    /** The line the last record returned started on (1-based), for messages. */
    int recordLine() {
        return recordLine;
    }

    /** The line being read (1-based). */
    int line() {
        return line;
    }

    /** Whether the last record returned ends inside a quoted cell that the file never closes. */
    boolean unclosedQuote() {
        return unclosed;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = read();
        }
        return next != null;
    }

    @Override
    public List<String> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<String> r = next;
        next = null;
        unclosed = nextUnclosed;
        return r;
    }

    private int peek() throws IOException {
        if (lookahead == -2) {
            if (position == limit) {
                int n = in.read(buffer, 0, buffer.length);
                if (n <= 0) {
                    return lookahead = -1;
                }
                position = 0;
                limit = n;
            }
            lookahead = buffer[position++];
        }
        return lookahead;
    }

    private int take() throws IOException {
        int c = peek();
        lookahead = -2;
        if (c == '\n') {
            line++;
        }
        return c;
    }

    /**
     * Passes over the next record without keeping its cells, for counting a list before reading it; false at the
     * end. The same parse as {@link #next}, so the count and the read agree on what a record is.
     */
    boolean skip() {
        if (next != null) {
            next = null;
            return true;
        }
        return read(false) != null;
    }

    private List<String> read() {
        return read(true);
    }

    private List<String> read(boolean keep) {
        try {
            if (delimiter == 0 && peek() == '\uFEFF') {
                take();
            }
            while (peek() == '\r' || peek() == '\n') {
                take();
            }
            if (peek() == -1) {
                return null;
            }
            recordLine = line;
            nextUnclosed = false;
            List<String> cells = keep ? new ArrayList<>() : List.of();
            StringBuilder cell = new StringBuilder();
            int length = 0;  // of the current cell, kept or not
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                int c = take();
                if (quoted) {
                    if (c == -1) {
                        nextUnclosed = true;
                        break;
                    } else if (c == '"') {
                        if (peek() == '"') {
                            length = append(cell, (char) take(), length, keep);
                        } else {
                            quoted = false;
                        }
                    } else {
                        length = append(cell, (char) c, length, keep);
                    }
                    continue;
                }
                if (c == '"' && length == 0 && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == -1 || c == '\n' || c == '\r') {
                    if (c == '\r' && peek() == '\n') {
                        take();
                    }
                    break;
                } else if (isDelimiter((char) c)) {
                    if (keep) {
                        cells.add(cell.toString());
                        cell.setLength(0);
                    }
                    length = 0;
                    wasQuoted = false;
                } else {
                    length = append(cell, (char) c, length, keep);
                }
            }
            if (keep) {
                cells.add(cell.toString());
            }
            return cells;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int append(StringBuilder cell, char c, int length, boolean keep) {
        if (keep && cell.length() < maxCell) {
            cell.append(c);
        }
        return length + 1;
    }

    /** The header decides the delimiter: the first ',' or ';' outside quotes. */
    private boolean isDelimiter(char c) {
        if (delimiter == 0 && (c == ',' || c == ';')) {
            delimiter = c;
        }
        return c == delimiter;
    }
}
