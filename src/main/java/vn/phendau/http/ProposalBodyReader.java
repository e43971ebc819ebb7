package vn.phendau.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads a single proposal's body: 415 unless it is JSON, 413 as soon as it passes the limit. Taking the body as a
 * type of its own, rather than an {@code InputStream}, is what lets the resource run on the I/O thread: Quarkus
 * REST then reads a small body (up to {@code quarkus.rest.input-buffer-size}) without blocking before the method
 * is called, and hands a larger one to a worker thread, where this reader streams it and stops at the limit, so a
 * large body is still never read whole into memory.
 */
@Provider
public class ProposalBodyReader implements MessageBodyReader<ProposalBody> {

    private final Limits limits;

    public ProposalBodyReader(Limits limits) {
        this.limits = limits;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == ProposalBody.class;
    }

    @Override
    public ProposalBody readFrom(Class<ProposalBody> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                                 MultivaluedMap<String, String> headers, InputStream body) {
        Bodies.requireJson(headers.getFirst(HttpHeaders.CONTENT_TYPE));
        return new ProposalBody(Bodies.read(body, limits.bodyBytes()));
    }
}
