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
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.Variant;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import vn.phendau.http.BodyGuard;

/**
 * The body is not read here: {@link BodyGuard} has spooled it to a file on the event loop, so a worker thread only
 * ever takes a list that has arrived whole.
 */
@Path("/api/v1/assessments/batch")
public class BatchResource {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<Variant> ANSWERS = BatchFormat.answers();

    private final Lists lists;

    public BatchResource(Lists lists) {
        this.lists = lists;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Assess a list of proposals (JSON array, CSV or Excel); answer as JSON, CSV or Excel by Accept")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = vn.phendau.proposal.ProjectProposal.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "UTF-8 CSV, a header of field paths then one project a row (README, Lists)")),
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = "An Excel workbook, the list on its first sheet, with the CSV's columns"))})
    @APIResponse(responseCode = "200", description = "Each item's assessment or problems, in input order, then the findings across the list",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                            description = "results, errors, portfolioFindings and summary (README, Lists)")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                            description = "UTF-8 with a byte-order mark: one row per item (PROJECT or INVALID) and per portfolio finding (PORTFOLIO)")),
                    @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary",
                            description = "Four sheets: summary, projects, findings, portfolio findings"))})
    public Response assess(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context Request request,
                           @Context RoutingContext exchange) throws IOException {
        return answer(lists, contentType, request, exchange, java.util.function.UnaryOperator.identity());
    }

    /** A list's answer, streamed; the dossiers' list goes the same way, its writer wrapped by {@code decorate}. */
    public static Response answer(Lists lists, String contentType, Request request, RoutingContext exchange,
                                  java.util.function.UnaryOperator<BatchSink> decorate) throws IOException {
        BatchFormat in = BatchFormat.forContentType(contentType);
        // The Accept header's weights decide among the formats, as JAX-RS selects variants; none acceptable is 406.
        Variant chosen = request.selectVariant(ANSWERS);
        if (chosen == null) {
            throw BatchFormat.notAcceptable();
        }
        BatchFormat out = BatchFormat.forMediaType(chosen.getMediaType());
        boolean byReference = vn.phendau.assessment.ByReference.requested(exchange.request().getParam(vn.phendau.assessment.ByReference.CITATIONS),
                exchange.request().headers().getAll(vn.phendau.assessment.ByReference.PREFER));
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
                lists.assess(file, in, out, os, response::closed, decorate, byReference);
            } catch (IncompleteAnswer e) {
                // The answer already ends with the mark that says so, and is valid in its format: ended normally,
                // not torn off (the cause is logged where it happened).
            } finally {
                slot.close();
            }
        };
        Response.ResponseBuilder r = Response.ok(answer, out.mediaType + (out == BatchFormat.XLSX ? "" : ";charset=UTF-8"))
                .variants(ANSWERS);  // Vary: Accept
        if (byReference && out == BatchFormat.JSON && exchange.request().getParam(vn.phendau.assessment.ByReference.CITATIONS) == null) {
            r.header("Preference-Applied", "return=minimal");
        }
        if (out != BatchFormat.JSON) {
            r.header("Content-Disposition", "attachment; filename=\"phendau-assessment" + out.extension + "\"");
        }
        return r.build();
    }
}
