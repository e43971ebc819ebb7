package vn.phendau.batch;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import vn.phendau.http.BodyGuard;

/**
 * The body is not read here: {@link BodyGuard} has spooled it to a file on the event loop, so a worker thread only
 * ever takes a list that has arrived whole.
 */
@Path("/api/v1/assessments/batch")
public class BatchResource {

    private final Lists lists;

    public BatchResource(Lists lists) {
        this.lists = lists;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Assess a list of proposals (JSON array, CSV or Excel); answer as JSON, CSV or Excel by Accept")
    @RequestBody(description = "The list: a JSON array, a CSV file or an Excel workbook")
    public Response assess(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam(HttpHeaders.ACCEPT) String accept, @Context RoutingContext exchange) throws IOException {
        BatchFormat in = BatchFormat.forContentType(contentType);
        BatchFormat out = BatchFormat.forAccept(accept);
        Lists.Slot slot = lists.admit();
        AtomicBoolean answering = new AtomicBoolean();
        // Given back when the answer is written, or when the exchange ends without one (refused, or the client left first).
        exchange.addEndHandler(v -> {
            if (!answering.get()) {
                slot.close();
            }
        });
        java.nio.file.Path file = lists.check(BodyGuard.spooled(exchange), in);
        HttpServerResponse response = exchange.response();
        StreamingOutput answer = os -> {
            answering.set(true);
            try {
                lists.assess(file, in, out, os, response::closed);
            } finally {
                slot.close();
            }
        };
        Response.ResponseBuilder r = Response.ok(answer, out.mediaType + (out == BatchFormat.XLSX ? "" : ";charset=UTF-8"));
        if (out != BatchFormat.JSON) {
            r.header("Content-Disposition", "attachment; filename=\"phendau-assessment" + out.extension + "\"");
        }
        return r.build();
    }
}
