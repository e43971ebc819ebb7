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
 * A JSON array of proposals, one element at a time. An element that is not valid on its own (a duplicate key, a
 * text over the limit) is that item's error; a break in the JSON itself (bad syntax, nesting past the limit, a
 * number past Jackson's bounds) ends the list there, as an error of the item it broke in.
 */
public final class JsonItemReader implements ItemReader {

    private final JsonParser parser;
    private final ProposalReader reader;
    private int index;
    private boolean done;
    private BatchItem next;

    public JsonItemReader(InputStream in, ProposalReader reader) {
        this.reader = reader;
        try {
            parser = reader.listParser(in);
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new ProblemException(400, "validation", "Danh sách không hợp lệ", "Invalid list",
                        List.of(Problem.at("$", "phải là một mảng JSON các đề xuất dự án", "must be a JSON array of project proposals")));
            }
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid(List.of(ProposalReader.malformed(e)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        int at = index;
        try {
            JsonToken t = parser.nextToken();
            if (t == JsonToken.END_ARRAY || t == null) {
                done = true;
                if (t == JsonToken.END_ARRAY && parser.nextToken() != null) {
                    return BatchItem.unreadable(at, null, List.of(Problem.at("$", "có nội dung sau mảng JSON", "there is content after the JSON array")));
                }
                return null;
            }
            index++;
            try {
                return BatchItem.of(at, reader.readElement(parser));
            } catch (ProblemException e) {
                return BatchItem.unreadable(at, null, e.problems());
            }
        } catch (JsonProcessingException e) {
            // The parser broke inside this element: where the next element starts is unknown, so reading on would
            // take the rest of this one for items of the list. The list ends here, and says so.
            done = true;
            Problem p = reader.broken(e, parser, true);
            return BatchItem.unreadable(at, null, List.of(Problem.at(p.path(),
                    p.message().vi() + "; không đọc được các mục từ đây trở đi",
                    p.message().en() + "; the list cannot be read from here on")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
