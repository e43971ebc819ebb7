package vn.phendau.assessment;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import vn.phendau.http.Bodies;
import vn.phendau.http.Limits;
import vn.phendau.http.Turns;
import vn.phendau.proposal.ProjectProposal;
import vn.phendau.proposal.ProposalReader;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class AssessmentResource {

    private final AssessmentService service;
    private final ProposalReader reader;
    private final Limits limits;
    private final Turns turns;

    public AssessmentResource(AssessmentService service, ProposalReader reader, Limits limits, Turns turns) {
        this.service = service;
        this.reader = reader;
        this.limits = limits;
        this.turns = turns;
    }

    @POST
    @Path("/assessments")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Assess one project proposal against Resolution 23/NQ-CP")
    @RequestBody(content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = ProjectProposal.class)))
    public Assessment assess(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        Bodies.requireJson(contentType);
        byte[] bytes = Bodies.read(body, limits.bodyBytes());
        return turns.take(() -> {
            com.fasterxml.jackson.databind.JsonNode tree = reader.readTree(bytes);
            return service.assess(reader.convert(tree), tree);
        });
    }

    @POST
    @Path("/proposals/validate")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Parse and validate a proposal without assessing it: the problems (400), or valid")
    public Map<String, Object> validate(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        ProjectProposal p = readProposal(contentType, body);
        return Map.of("valid", true, "projectId", p.id());
    }

    private ProjectProposal readProposal(String contentType, InputStream body) {
        Bodies.requireJson(contentType);
        return reader.read(Bodies.read(body, limits.bodyBytes()));
    }
}
