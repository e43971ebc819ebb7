package vn.phendau.batch;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import vn.phendau.legal.References;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.phendau.assessment.Assessment;
import vn.phendau.common.Text;
import vn.phendau.problem.Problem;

/**
 * The list's answer as JSON (API.md), written as it is made: results stream out in input order; errors are
 * spooled to a temporary file and follow them, so memory does not grow with the list either way.
 */
public final class JsonBatchWriter implements BatchSink, java.io.Closeable {

    /** An assessment of a list, with its position in the input. */
    public record IndexedAssessment(int index, @JsonUnwrapped Assessment assessment) {
    }

    public record ItemError(int index, String projectId, List<Problem> problems) {
    }

    private final ObjectMapper mapper;
    /** Writes the results, and the findings across the list, by reference when the answer is (see {@link References}). */
    private final ObjectWriter writer;
    private final References refs;
    private final OutputStream out;
    private final JsonGenerator results;
    private final Path errorFile;
    private final JsonGenerator errors;
    private boolean errorsWritten;

    public JsonBatchWriter(ObjectMapper mapper, OutputStream out) throws IOException {
        this(mapper, out, null);
    }

    /** @param refs where the answer keeps its citations and texts, written by their ids; null for the default answer */
    public JsonBatchWriter(ObjectMapper mapper, OutputStream out, References refs) throws IOException {
        this.mapper = mapper;
        this.refs = refs;
        this.writer = refs == null ? mapper.writer() : refs.writer(mapper);
        this.out = out;
        results = mapper.getFactory().createGenerator(out);
        results.writeStartObject();
        results.writeArrayFieldStart("results");
        errorFile = Files.createTempFile("phendau-errors", ".json");
        errors = mapper.getFactory().createGenerator(Files.newOutputStream(errorFile));
        errors.writeStartArray();
    }

    @Override
    public void result(int index, Assessment assessment) throws IOException {
        writeResult(new IndexedAssessment(index, assessment));
    }

    /** One item of the results as the caller shapes it (a filed item carries its dossier too). */
    public void writeResult(Object item) throws IOException {
        if (refs == null) {
            writer.writeValue(results, item);
            return;
        }
        // By reference the item is made compact as a tree (References#compact): what its findings, checklist and
        // score groups share with the list's other items goes once in the maps at the end.
        TokenBuffer buffer = new TokenBuffer(mapper, false);
        writer.writeValue(buffer, item);
        JsonNode tree;
        try (var parser = buffer.asParser(mapper)) {
            tree = parser.readValueAsTree();
        }
        refs.compact(tree);
        mapper.writeTree(results, tree);
    }

    @Override
    public void error(int index, String projectId, List<Problem> problems) throws IOException {
        mapper.writeValue(errors, new ItemError(index, projectId, problems));
    }

    @Override
    public void finish(BatchSummary summary, List<PortfolioFinding> portfolioFindings) throws IOException {
        results.writeEndArray();
        errors.writeEndArray();
        errors.close();
        results.writeFieldName("errors");
        // The spooled array goes out as it is: the generator is told a value was written, then the bytes follow.
        results.writeRawValue("");
        results.flush();
        errorsWritten = true;
        try (InputStream spooled = Files.newInputStream(errorFile)) {
            spooled.transferTo(out);
        } finally {
            Files.deleteIfExists(errorFile);
        }
        results.writeFieldName("portfolioFindings");
        writer.writeValue(results, portfolioFindings);
        results.writeFieldName("summary");
        mapper.writeValue(results, summary);  // total, assessed, invalid, byVerdict: in that order
        if (refs != null) {
            refs.writeMaps(results, mapper);
        }
        results.writeEndObject();
        results.flush();
    }

    /**
     * Closes whatever the failure left open (an item half-written, the results array, a member of the answer
     * awaiting its value), follows the results with the errors spooled so far if they have not gone out, and ends
     * the answer with {@code "incomplete": {"message": {vi, en}, "items": n}}: the JSON stays valid, and a client
     * that reads it whole sees that it is not the whole answer.
     */
    @Override
    public boolean incomplete(Text reason, int items) throws IOException {
        closeTo(results, 1);
        if (!errorsWritten) {
            closeTo(errors, 0);
            errors.close();
            results.writeFieldName("errors");
            results.writeRawValue("");
            results.flush();
            try (InputStream spooled = Files.newInputStream(errorFile)) {
                spooled.transferTo(out);
            }
            errorsWritten = true;
        }
        try {
            results.writeFieldName(refs != null ? "legal" : "incomplete");
        } catch (com.fasterxml.jackson.core.JsonGenerationException awaitingValue) {
            results.writeNull();  // the member the failure interrupted
            results.writeFieldName(refs != null ? "legal" : "incomplete");
        }
        if (refs != null) {
            // What the items written so far refer to, so that they can still be read.
            boolean first = true;
            for (var map : refs.maps().entrySet()) {
                if (!first) {
                    results.writeFieldName(map.getKey());
                }
                first = false;   // "legal", whose name is written above
                mapper.writeValue(results, map.getValue());
            }
            results.writeFieldName("incomplete");
        }
        results.writeStartObject();
        results.writeFieldName("message");
        mapper.writeValue(results, reason);
        results.writeNumberField("items", items);
        results.writeEndObject();
        results.writeEndObject();
        results.flush();
        return true;
    }

    /** Ends the generator's open arrays and objects down to the given depth; a member awaiting its value gets null. */
    private static void closeTo(JsonGenerator g, int depth) throws IOException {
        while (g.getOutputContext().getNestingDepth() > depth) {
            if (g.getOutputContext().inArray()) {
                g.writeEndArray();
                continue;
            }
            try {
                g.writeEndObject();
            } catch (com.fasterxml.jackson.core.JsonGenerationException awaitingValue) {
                g.writeNull();
                g.writeEndObject();
            }
        }
    }

    /** Removes the spooled errors if the list failed before {@link #finish}. */
    @Override
    public void close() throws IOException {
        errors.close();
        Files.deleteIfExists(errorFile);
    }
}
