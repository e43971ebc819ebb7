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
            lookahead = in.read();
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

    private List<String> read() {
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
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
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
                            append(cell, (char) take());
                        } else {
                            quoted = false;
                        }
                    } else {
                        append(cell, (char) c);
                    }
                    continue;
                }
                if (c == '"' && cell.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == -1 || c == '\n' || c == '\r') {
                    if (c == '\r' && peek() == '\n') {
                        take();
                    }
                    break;
                } else if (isDelimiter((char) c)) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    wasQuoted = false;
                } else {
                    append(cell, (char) c);
                }
            }
            cells.add(cell.toString());
            return cells;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void append(StringBuilder cell, char c) {
        if (cell.length() < maxCell) {
            cell.append(c);
        }
    }

    /** The header decides the delimiter: the first ',' or ';' outside quotes. */
    private boolean isDelimiter(char c) {
        if (delimiter == 0 && (c == ',' || c == ';')) {
            delimiter = c;
        }
        return c == delimiter;
    }
}
