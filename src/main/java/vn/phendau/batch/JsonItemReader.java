package vn.phendau.batch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.NoSuchElementException;
import vn.phendau.problem.Problem;
import vn.phendau.problem.ProblemException;
import vn.phendau.proposal.ProposalReader;

/**
 * A JSON array of proposals, one element at a time. {@link JsonElements} finds where each element starts and ends
 * from the bytes alone; each is then parsed on its own, with the same checks as a request body. So an element that
 * is not valid (a duplicate key, a text over the limit, and also broken JSON: bad syntax, nesting past the limit, a
 * number past the parser's bounds) is that item's error, and the list reads on with the next element. Only a string
 * or a bracket left open to the end of the input ends the list, as one error at that item saying so.
 */
public final class JsonItemReader implements ItemReader {

    private final JsonElements elements;
    private final ProposalReader reader;
    private int index;
    private boolean done;
    /** The input ended after a whole element, without the array's closing bracket: one more item says so. */
    private boolean unterminated;
    private BatchItem next;

    public JsonItemReader(InputStream in, ProposalReader reader) {
        this.reader = reader;
        this.elements = new JsonElements(in, reader.limits().bodyBytes());
        try {
            if (!elements.opens()) {
                notAList(elements.rest(), reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many items a list holds, as this reader will give them, without parsing or holding any. */
    static int count(InputStream in) throws IOException {
        try (JsonElements elements = new JsonElements(in, 0)) {
            if (!elements.opens()) {
                return 0;  // not a list: refused when it is opened
            }
            int n = 0;
            while (elements.next()) {
                n++;
                if (elements.ended() == JsonElements.End.EOF && !elements.blank() && !elements.unclosed()) {
                    n++;  // the missing closing bracket
                }
            }
            return elements.ended() == JsonElements.End.CLOSE && elements.trailing() ? n + 1 : n;
        }
    }

    /** Input that does not open with '[': the parser says what it is instead (nothing, an object, not JSON). */
    private static void notAList(InputStream input, ProposalReader reader) throws IOException {
        try (JsonParser parser = reader.listParser(input)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new ProblemException(400, "validation", "Danh sách không hợp lệ", "Invalid list",
                        List.of(Problem.at("$", "phải là một mảng JSON các đề xuất dự án", "must be a JSON array of project proposals")));
            }
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid(List.of(ProposalReader.malformed(e)));
        }
        // The parser found an array where the scanner, reading UTF-8, found none: a list in UTF-16 or UTF-32.
        throw new ProblemException(400, "validation", "Danh sách không hợp lệ", "Invalid list",
                List.of(Problem.at("$", "phải là một mảng JSON các đề xuất dự án, mã hoá UTF-8",
                        "must be a JSON array of project proposals, encoded in UTF-8")));
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = read();
        }
        return next != null;
    }

    @Override
    public BatchItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        BatchItem item = next;
        next = null;
        return item;
    }

    private BatchItem read() {
        if (unterminated) {
            done = true;
            return BatchItem.unreadable(index, null, List.of(noClosingBracket()));
        }
        try {
            if (!elements.next()) {
                done = true;
                return elements.trailing()
                        ? BatchItem.unreadable(index, null, List.of(Problem.at("$", "có nội dung sau mảng JSON", "there is content after the JSON array")))
                        : null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int at = index++;
        if (elements.ended() == JsonElements.End.EOF) {
            if (elements.blank()) {
                done = true;
                return BatchItem.unreadable(at, null, List.of(noClosingBracket()));
            }
            if (elements.unclosed()) {
                // Where this element ends is unknown: the rest of the input is this one error.
                done = true;
                Problem p = elements.over() ? tooLarge() : problem();
                return BatchItem.unreadable(at, null, List.of(Problem.at(p.path(),
                        p.message().vi() + "; không đọc được các mục từ đây trở đi",
                        p.message().en() + "; the list cannot be read from here on")));
            }
            unterminated = true;
        }
        if (elements.over()) {
            return BatchItem.unreadable(at, null, List.of(tooLarge()));
        }
        try {
            return BatchItem.of(at, element());
        } catch (ProblemException e) {
            return BatchItem.unreadable(at, null, e.problems());
        }
    }

    /**
     * The element, read from its own array by the parser a whole list would have (one level deeper for the
     * array): a problem of its own is a ProblemException, broken JSON too, with the list's line and column.
     */
    private com.fasterxml.jackson.databind.JsonNode element() {
        JsonParser parser = null;
        try {
            parser = reader.listParser(elements.bytes(), elements.length());
            parser.nextToken();  // the element's own array
            if (elements.blank()) {
                parser.nextToken();  // the value before it, so that the parser finds the missing one
            }
            parser.nextToken();
            com.fasterxml.jackson.databind.JsonNode node = reader.readElement(parser);
            if (parser.nextToken() != JsonToken.END_ARRAY) {
                throw new IllegalStateException("an element past its end");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid(List.of(reader.broken(e, parser, true, origin())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** The problem the parser finds in an element it cannot read whole. */
    private Problem problem() {
        try {
            element();
        } catch (ProblemException e) {
            return e.problems().get(0);
        }
        return noClosingBracket();
    }

    private ProposalReader.Origin origin() {
        return new ProposalReader.Origin(elements.line(), elements.column());
    }

    private Problem tooLarge() {
        long max = reader.limits().bodyBytes();
        return Problem.at("$", "mục dài " + elements.size() + " byte, vượt giới hạn " + max + " byte của một đề xuất",
                "the item is " + elements.size() + " bytes, over the limit of " + max + " bytes for one proposal");
    }

    private Problem noClosingBracket() {
        String vi = "JSON không hợp lệ (dòng " + elements.endLine() + ", cột " + elements.endColumn() + "): ";
        String en = "malformed JSON (line " + elements.endLine() + ", column " + elements.endColumn() + "): ";
        return Problem.at("$", vi + "danh sách hết mà thiếu dấu ']' đóng mảng", en + "the list ends without the ']' that closes it");
    }

    @Override
    public void close() throws IOException {
        elements.close();
    }
}
