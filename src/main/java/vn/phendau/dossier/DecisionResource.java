package vn.phendau.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.phendau.security.Caller;
import vn.phendau.security.Role;

/** Reviewers' decisions on a dossier's current version; everyone who may read the dossier reads them. */
@Path("/api/v1/dossiers/{projectId}/decisions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OFFICER_, Role.REVIEWER_, Role.AUDITOR_, Role.ADMIN_})
public class DecisionResource {

    private final Decisions decisions;
    private final Caller caller;

    public DecisionResource(Decisions decisions, Caller caller) {
        this.decisions = decisions;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Role.REVIEWER_)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a decision on the current version: outcome (APPROVE, RETURN_FOR_INFORMATION, REJECT), a reason of at "
            + "least 20 characters, and overrides of single findings (ACCEPTED or WRONG, each with a reason and a document)")
    public Response decide(@PathParam("projectId") String projectId, JsonNode body) {
        Decisions.DecisionView made = decisions.decide(projectId, body, caller.name(), caller.scope());
        return Response.created(UriBuilder.fromPath("/api/v1/dossiers/{projectId}/decisions").build(projectId)).entity(made).build();
    }

    @GET
    @Operation(summary = "The dossier's decisions, newest first, each with its overrides beside what the rules said")
    public List<Decisions.DecisionView> list(@PathParam("projectId") String projectId) {
        return decisions.list(projectId, caller.scope());
    }
}
