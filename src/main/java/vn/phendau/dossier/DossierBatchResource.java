package vn.phendau.dossier;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.phendau.batch.BatchResource;
import vn.phendau.batch.Lists;

@Path("/api/v1/dossiers/batch")
@RolesAllowed(vn.phendau.security.Role.OFFICER_)
public class DossierBatchResource {

    private final Lists lists;
    private final DossierService dossiers;
    private final vn.phendau.security.Caller caller;

    public DossierBatchResource(Lists lists, DossierService dossiers, vn.phendau.security.Caller caller) {
        this.lists = lists;
        this.dossiers = dossiers;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "File a list (JSON, CSV or Excel): answered as /assessments/batch, each valid item kept as a version of its dossier")
    public Response file(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context Request request,
                         @Context RoutingContext exchange) throws IOException {
        // Read here, on the request's thread: the items are filed on the list's workers.
        String who = caller.name();
        vn.phendau.security.Scope scope = caller.scope();
        return BatchResource.answer(lists, contentType, request, exchange, sink -> new FilingSink(sink, dossiers, who, scope));
    }
}
