package vn.phendau.batch;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/assessments/batch")
public class BatchResource {

    private final Lists lists;

    public BatchResource(Lists lists) {
        this.lists = lists;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Assess a list of proposals (JSON array, CSV or Excel); answer as JSON, CSV or Excel by Accept")
    public Response assess(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam(HttpHeaders.ACCEPT) String accept, InputStream body) throws IOException {
        return answer(lists, contentType, accept, body, java.util.function.UnaryOperator.identity());
    }

    /** A list's answer, streamed; the dossiers' list goes the same way, its writer wrapped by {@code decorate}. */
    public static Response answer(Lists lists, String contentType, String accept, InputStream body,
                                  java.util.function.UnaryOperator<BatchSink> decorate) throws IOException {
        BatchFormat in = BatchFormat.forContentType(contentType);
        BatchFormat out = BatchFormat.forAccept(accept);
        java.nio.file.Path file = lists.spool(body, in);
        StreamingOutput answer = os -> {
            try {
                lists.assess(file, in, out, os, decorate);
            } finally {
                Files.deleteIfExists(file);
            }
        };
        Response.ResponseBuilder r = Response.ok(answer, out.mediaType + (out == BatchFormat.XLSX ? "" : ";charset=UTF-8"));
        if (out != BatchFormat.JSON) {
            r.header("Content-Disposition", "attachment; filename=\"phendau-assessment" + out.extension + "\"");
        }
        return r.build();
    }
}
