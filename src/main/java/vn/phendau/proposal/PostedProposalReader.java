package vn.phendau.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import vn.phendau.http.Bodies;
import vn.phendau.http.Limits;

/**
 * Reads the body of a request that carries one proposal: 415 unless it is JSON, 413 as soon as it passes
 * {@code phendau.limits.body-bytes}, then the proposal's problems (400), or the proposal.
 *
 * <p>Taking the proposal as a type of its own, rather than an {@code InputStream}, is what lets its resource run
 * on the I/O thread (see AssessmentResource). Quarkus REST reads a body of up to
 * {@code quarkus.rest.input-buffer-size} (10 KiB) without blocking and calls this reader on the I/O thread. A larger
 * body is handed to a worker thread, and this reader streams it there, stops at the limit (a large body is never
 * read whole into memory), and parses and validates it there too, so that only the assessment of a proposal already
 * checked comes back to the I/O thread.
 */
@Provider
public class PostedProposalReader implements MessageBodyReader<PostedProposal> {

    private final ProposalReader reader;
    private final Limits limits;

    public PostedProposalReader(ProposalReader reader, Limits limits) {
        this.reader = reader;
        this.limits = limits;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == PostedProposal.class;
    }

    @Override
    public PostedProposal readFrom(Class<PostedProposal> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                                   MultivaluedMap<String, String> headers, InputStream body) {
        Bodies.requireJson(headers.getFirst(HttpHeaders.CONTENT_TYPE));
        JsonNode tree = reader.readTree(Bodies.read(body, limits.bodyBytes()));
        return new PostedProposal(tree, reader.convert(tree));
    }
}
