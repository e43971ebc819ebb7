package vn.phendau.batch;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import vn.phendau.common.VietnameseText;

/**
 * Where each element of a JSON array starts and ends, found from the bytes alone: strings (with their escapes) and
 * the depth of braces and brackets outside them. An element ends at depth 0 at a comma or at the array's closing
 * bracket, whatever is wrong inside it, so that a parser can read each element on its own and a break in one does
 * not take the rest of the list with it. A closing brace with nothing open stays in its element, for the parser to
 * name; a closing bracket with nothing open is the end of the array.
 * <p>
 * One element is held at a time, as a small array of its own for the parser: {@code "[ " + element + "]"}, the
 * bracket and space standing just before the element where its leading delimiter stood, so that the parser's line
 * and column are the list's once moved by {@link #line()} and {@link #column()}. An element over the byte limit
 * is not held, only measured.
 */
final class JsonElements implements Closeable {

    /** How an element ended. */
    enum End { COMMA, CLOSE, EOF }

    private static final byte[] PREFIX = {'[', ' '};
    /** An element with nothing in it (",,", ",]"): after a value, so that the parser says a value is missing. */
    private static final byte[] BLANK_PREFIX = {'[', '0', ','};

    private final InputStream in;
    private final long max;
    private final byte[] chunk = new byte[1 << 16];
    private int pos;
    private int end;
    /** The offset in the input of chunk[0]. */
    private long base;
    private int lineNr = 1;
    private long lineStart;
    private long lastCr = -2;

    private byte[] buffer = new byte[1 << 14];
    private int length;
    private long size;
    private boolean blank;
    private boolean unclosed;
    private End ended;
    private boolean first = true;
    private boolean closed;
    /** Where the next element's leading delimiter ('[' or ',') is. */
    private int delimiterLine;
    private int delimiterColumn;
    private int elementLine;
    private int elementColumn;

    /** max: the most bytes an element may have to be held; 0 holds none (counting). */
    JsonElements(InputStream in, long max) {
        this.in = in;
        this.max = max;
    }

    /**
     * Skips a byte-order mark and whitespace: whether the input opens an array. When it does not, {@link #rest()}
     * is the whole input again, for a parser to say what it is instead.
     */
    boolean opens() throws IOException {
        for (int n; end < 3 && (n = in.read(chunk, end, chunk.length - end)) > 0; ) {
            end += n;  // the first three bytes, however the stream gives them
        }
        pos = VietnameseText.bomLength(chunk, 0, end);
        lineStart = pos;
        for (;;) {
            if (pos == end && !fill()) {
                return false;
            }
            byte b = chunk[pos];
            if (b == '[') {
                delimiter();
                return true;
            }
            if (!whitespace(b)) {
                return false;
            }
            if (b == '\n' || b == '\r') {
                lineBreak(b, base + pos);
            }
            pos++;
        }
    }

    /**
     * The input from the start of the chunk last read, when it does not open an array: the whole input, unless more
     * than a chunk of whitespace came first (then only whitespace is missing, and a parser's line and column for
     * what follows are off).
     */
    InputStream rest() {
        return new SequenceInputStream(new ByteArrayInputStream(chunk, 0, end), in);
    }

    /**
     * The next element; false after the array's closing bracket (an empty array has none) or after the end of the
     * input. An element cut by the end of the input is still an element: {@link #ended()} says so.
     */
    boolean next() throws IOException {
        if (closed || ended == End.EOF) {
            return false;
        }
        length = PREFIX.length;
        size = 0;
        blank = true;
        int depth = 0;
        // Which of the first 64 open levels are brackets (1) or braces (0): a closer of the other kind is a mismatch.
        long brackets = 0;
        boolean mismatched = false;
        boolean inString = false;
        boolean escaped = false;
        for (;;) {
            if (pos == end && !fill()) {
                // A mismatched closer means the brackets were miscounted: the array's own ']' may have closed a
                // brace left open inside the element, which then ran on to the end. Its end is unknown all the same.
                unclosed = inString || depth > 0 || mismatched;
                ended = End.EOF;
                break;
            }
            int from = pos;
            End at = null;
            byte[] c = chunk;
            int p = pos;
            int e = end;
            for (; p < e; p++) {
                if (inString) {
                    if (escaped) {
                        escaped = false;
                        continue;
                    }
                    // Most of a list is the text inside strings: a tight loop to the next byte that matters.
                    for (; p < e; p++) {
                        byte b = c[p];
                        if (b > '\\' || b < 0 || (b > '"' && b < '\\')) {
                            continue;
                        }
                        if (b == '"') {
                            inString = false;
                            break;
                        } else if (b == '\\') {
                            escaped = true;
                            break;
                        } else if (b == '\n' || b == '\r') {
                            lineBreak(b, base + p);  // not JSON, but a line the person sees all the same
                        }
                    }
                    if (p == e) {
                        break;  // the chunk ends inside the string
                    }
                    continue;  // past the quote or backslash
                }
                byte b = c[p];
                switch (b) {
                    case '"' -> {
                        inString = true;
                        blank = false;
                    }
                    case '{', '[' -> {
                        if (depth < 64) {
                            brackets = b == '[' ? brackets | (1L << depth) : brackets & ~(1L << depth);
                        }
                        depth++;
                        blank = false;
                    }
                    case '}' -> {
                        if (depth > 0) {
                            depth--;
                            mismatched |= depth < 64 && (brackets & (1L << depth)) != 0;
                        }
                        blank = false;
                    }
                    case ']' -> {
                        if (depth == 0) {
                            at = End.CLOSE;
                        } else {
                            depth--;
                            mismatched |= depth < 64 && (brackets & (1L << depth)) == 0;
                        }
                    }
                    case ',' -> {
                        if (depth == 0) {
                            at = End.COMMA;
                        }
                    }
                    case '\n', '\r' -> lineBreak(b, base + p);
                    case ' ', '\t' -> { }
                    default -> blank = false;
                }
                if (at != null) {
                    break;
                }
            }
            pos = p;
            keep(from, pos);
            if (at != null) {
                ended = at;
                unclosed = false;
                break;
            }
        }
        if (ended == End.CLOSE && blank && first) {
            closed = true;  // "[]": no element at all
            pos++;
            return false;
        }
        first = false;
        boolean held = size <= max;
        if (blank && held) {
            // A value is missing: said by the parser, after a value of its own, where the delimiter is.
            int body = length - PREFIX.length;
            byte[] copy = Arrays.copyOfRange(buffer, PREFIX.length, length);
            ensure(BLANK_PREFIX.length + body + 1);
            System.arraycopy(BLANK_PREFIX, 0, buffer, 0, BLANK_PREFIX.length);
            System.arraycopy(copy, 0, buffer, BLANK_PREFIX.length, body);
            length = BLANK_PREFIX.length + body;
            if (ended != End.EOF) {
                buffer[length++] = chunk[pos];
            }
        } else if (held) {
            System.arraycopy(PREFIX, 0, buffer, 0, PREFIX.length);
            if (!unclosed) {
                buffer[length++] = ']';  // left open, it is for the parser to say how it was cut
            }
        }
        int prefix = blank ? BLANK_PREFIX.length : PREFIX.length;
        elementLine = delimiterLine;
        elementColumn = delimiterColumn - (prefix - 1);
        if (ended == End.CLOSE) {
            closed = true;
            pos++;
        } else if (ended == End.COMMA) {
            delimiter();
        }
        return true;
    }

    /** As the parser counts lines: "\r\n", "\n" and "\r" each end one. */
    private void lineBreak(byte b, long at) {
        if (b == '\r') {
            lineNr++;
            lastCr = at;
        } else if (lastCr != at - 1) {
            lineNr++;
        }
        lineStart = at + 1;
    }

    /** Records where the next element's leading delimiter (at pos) is, and steps past it. */
    private void delimiter() {
        delimiterLine = lineNr;
        delimiterColumn = (int) (base + pos - lineStart + 1);
        pos++;
    }

    /** After the closing bracket: whether anything but whitespace follows it. */
    boolean trailing() throws IOException {
        for (;;) {
            if (pos == end && !fill()) {
                return false;
            }
            if (!whitespace(chunk[pos])) {
                return true;
            }
            pos++;
        }
    }

    /** The element as an array of its own (prefix, element, and its closing bracket unless cut by the end). */
    byte[] bytes() {
        return buffer;
    }

    int length() {
        return length;
    }

    /** The element's own bytes, between its delimiters. */
    long size() {
        return size;
    }

    /** Whether the element was too large to be held. */
    boolean over() {
        return size > max;
    }

    /** Nothing but whitespace between the delimiters. */
    boolean blank() {
        return blank;
    }

    /**
     * Cut by the end of the input inside a string or an open brace or bracket, or run on to the end after a closer
     * of the wrong kind: the list cannot be read past it.
     */
    boolean unclosed() {
        return unclosed;
    }

    End ended() {
        return ended;
    }

    /** The list's line of the first byte of {@link #bytes()}. */
    int line() {
        return elementLine;
    }

    /** The list's column (in bytes, as the parser counts) of the first byte of {@link #bytes()} on {@link #line()}. */
    int column() {
        return elementColumn;
    }

    /** Where the input stopped: line and column of the end, for a list that ends without its bracket. */
    int endLine() {
        return lineNr;
    }

    int endColumn() {
        return (int) (base + pos - lineStart + 1);
    }

    private void keep(int from, int to) {
        int n = to - from;
        size += n;
        if (size > max) {
            return;  // over the limit: measured, not held
        }
        ensure(length + n + 1);
        System.arraycopy(chunk, from, buffer, length, n);
        length += n;
    }

    private void ensure(int capacity) {
        if (buffer.length < capacity) {
            buffer = Arrays.copyOf(buffer, Math.max(capacity, buffer.length * 2));
        }
    }

    private boolean fill() throws IOException {
        base += end;
        pos = 0;
        end = 0;
        int n = in.read(chunk);
        if (n <= 0) {
            return false;
        }
        end = n;
        return true;
    }

    private static boolean whitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
