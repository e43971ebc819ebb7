package vn.phendau.assessment;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.NonBlocking;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import vn.phendau.http.ProposalBody;
import vn.phendau.http.ProposalBodyReader;
import vn.phendau.proposal.ProjectProposal;
import vn.phendau.proposal.ProposalReader;
import vn.phendau.rules.RuleBase;

/**
 * One proposal in, its assessment or its validation out. Both run on the I/O thread that read the request (see
 * {@link ProposalBodyReader}): an assessment is tens of microseconds of computing, and handing it to a worker thread
 * and its answer back cost more than that, as a thread switch each way on a busy machine.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class AssessmentResource {

    private final AssessmentService service;
    private final ProposalReader reader;
    private final RuleBase rules;

    public AssessmentResource(AssessmentService service, ProposalReader reader, RuleBase rules) {
        this.service = service;
        this.reader = reader;
        this.rules = rules;
    }

    /** In the first seconds after start, while the rules load, the assessment waits for them without holding its thread. */
    @POST
    @Path("/assessments")
    @Consumes(MediaType.WILDCARD)
    @NonBlocking
    @Operation(summary = "Assess one project proposal against Resolution 23/NQ-CP")
    @RequestBody(content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = ProjectProposal.class)))
    public CompletionStage<Assessment> assess(ProposalBody body) {
        JsonNode tree = reader.readTree(body.bytes());
        ProjectProposal proposal = reader.convert(tree);
        return rules.whenLoaded().thenApply(loaded -> service.assess(proposal, tree));
    }

    @POST
    @Path("/proposals/validate")
    @Consumes(MediaType.WILDCARD)
    @NonBlocking
    @Operation(summary = "Parse and validate a proposal without assessing it: the problems (400), or valid")
    @RequestBody(content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = ProjectProposal.class)))
    public Map<String, Object> validate(ProposalBody body) {
        ProjectProposal p = reader.read(body.bytes());
        return Map.of("valid", true, "projectId", p.id());
    }
}
