package vn.phendau.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditVerifier verifier;

    public AuditResource(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @GET
    @Path("/verify")
    @Operation(summary = "Walk the audit chain: the first broken entry, or that all N entries hold")
    public AuditVerifier.Report verify() {
        return verifier.verify();
    }
}
