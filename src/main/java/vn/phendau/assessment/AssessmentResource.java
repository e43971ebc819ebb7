package vn.phendau.assessment;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import vn.phendau.ops.Metrics;
import vn.phendau.proposal.PostedProposal;
import vn.phendau.proposal.ProjectProposal;
import vn.phendau.rules.RuleBase;

/**
 * One proposal in, its assessment or its validation out. Both run on the I/O thread that read the request, the
 * proposal already read and validated (see {@link vn.phendau.proposal.PostedProposalReader}): handing each request
 * to a worker thread and its answer back cost more than the assessment itself, as a thread switch each way on a
 * busy machine (BENCHMARKS.md).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class AssessmentResource {

    private final AssessmentService service;
    private final RuleBase rules;
    private final Metrics metrics;

    public AssessmentResource(AssessmentService service, RuleBase rules, Metrics metrics) {
        this.service = service;
        this.rules = rules;
        this.metrics = metrics;
    }

    /**
     * In the first seconds after start, while the rules load, the assessment waits for them without holding its
     * thread, and is made on the rules' loader thread as soon as they are loaded.
     */
    @POST
    @Path("/assessments")
    @Consumes(MediaType.WILDCARD)
    @NonBlocking
    @Operation(summary = "Assess one project proposal against Resolution 23/NQ-CP")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProjectProposal.class)))
    public CompletionStage<Assessment> assess(PostedProposal posted) {
        return rules.whenLoaded().thenApply(loaded -> metrics.assessed(Metrics.Entry.API, service.assess(posted.proposal(), posted.tree())));
    }

    @POST
    @Path("/proposals/validate")
    @Consumes(MediaType.WILDCARD)
    @NonBlocking
    @Operation(summary = "Parse and validate a proposal without assessing it: the problems (400), or valid")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProjectProposal.class)))
    public Validation validate(PostedProposal posted) {
        return new Validation(posted.proposal().id(), true);
    }

    /** A valid proposal's answer, its fields always in this order (as the README shows it). */
    public record Validation(String projectId, boolean valid) {
    }
}
