package vn.phendau.dossier;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import vn.phendau.dossier.DossierViews.DossierView;
import vn.phendau.dossier.DossierViews.Filed;
import vn.phendau.dossier.DossierViews.Page;
import vn.phendau.dossier.DossierViews.Summary;
import vn.phendau.dossier.DossierViews.VersionDetail;
import vn.phendau.dossier.DossierViews.VersionDiff;
import vn.phendau.problem.ProblemException;
import vn.phendau.proposal.PostedProposal;
import vn.phendau.proposal.ProjectProposal;
import vn.phendau.rules.RuleBase;
import vn.phendau.security.Caller;
import vn.phendau.security.Role;

/**
 * The stored record, for signed-in users: officers file, and everyone reads, within their province.
 * The stored record. A proposal is read and refused exactly as by {@code POST /api/v1/assessments} (the same
 * reader, before this runs); these run on worker threads, as they wait for the database.
 */
@Path("/api/v1/dossiers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OFFICER_, Role.REVIEWER_, Role.AUDITOR_, Role.ADMIN_})
public class DossierResource {

    private final DossierService dossiers;
    private final DossierConfig config;
    private final RuleBase rules;
    private final ObjectMapper mapper;
    private final Caller caller;

    public DossierResource(DossierService dossiers, DossierConfig config, RuleBase rules, ObjectMapper mapper, Caller caller) {
        this.dossiers = dossiers;
        this.caller = caller;
        this.config = config;
        this.rules = rules;
        this.mapper = mapper;
    }

    @POST
    @RolesAllowed(Role.OFFICER_)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "File a proposal: assessed, and kept as a new version of its dossier (unless unchanged)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProjectProposal.class)))
    public Response file(PostedProposal posted) {
        rules.whenLoaded().join();
        // Filed by the signed-in user: a header saying who filed is not trusted (it was before sign-in existed).
        Filed filed = dossiers.file(posted.tree(), posted.proposal(), caller.name(), caller.scope());
        return Response.status(filed.dossier().unchanged() ? Response.Status.OK : Response.Status.CREATED)
                .location(location(filed.dossier().projectId()))
                .entity(withDossier(filed)).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    }

    static java.net.URI location(String projectId) {
        return UriBuilder.fromPath("/api/v1/dossiers/{projectId}").build(projectId);
    }

    /** The stored answer as it is, with the dossier it went to added as its last field. */
    byte[] withDossier(Filed filed) {
        byte[] answer = filed.answer();
        try {
            byte[] dossier = mapper.writeValueAsBytes(filed.dossier());
            ByteArrayOutputStream out = new ByteArrayOutputStream(answer.length + dossier.length + 16);
            out.write(answer, 0, answer.length - 1);  // the answer's closing brace
            out.write(",\"dossier\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(dossier);
            out.write('}');
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Operation(summary = "Search dossiers by province, verdict and text in the id or name")
    public Page<Summary> search(@QueryParam("province") String province, @QueryParam("verdict") String verdict,
                                @QueryParam("q") String q, @QueryParam("page") String page, @QueryParam("size") String size) {
        return dossiers.search(DossierFilter.of(province, verdict, q), Params.page(page), Params.size(size, config),
                caller.scope());
    }

    @GET
    @Path("/{projectId}")
    @Operation(summary = "A dossier: its versions (newest first, paged) and its current assessment")
    public DossierView dossier(@PathParam("projectId") String projectId, @QueryParam("page") String page,
                               @QueryParam("size") String size) {
        return dossiers.dossier(projectId, Params.page(page), Params.size(size, config), caller.scope());
    }

    @GET
    @Path("/{projectId}/versions/{n}")
    @Operation(summary = "A version: its proposal and its assessment, as first served")
    public VersionDetail version(@PathParam("projectId") String projectId, @PathParam("n") String n) {
        return dossiers.versionDetail(projectId, versionNumber(projectId, n), caller.scope());
    }

    @GET
    @Path("/{projectId}/versions/{n}/diff/{m}")
    @Operation(summary = "What changed from version n to version m: proposal fields, findings, verdict, score, ruleset")
    public VersionDiff diff(@PathParam("projectId") String projectId, @PathParam("n") String n, @PathParam("m") String m) {
        return dossiers.diff(projectId, versionNumber(projectId, n), versionNumber(projectId, m), caller.scope());
    }

    private static int versionNumber(String projectId, String n) {
        try {
            int v = Integer.parseInt(n);
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw ProblemException.notFound("phiên bản", "version", "hồ sơ '" + projectId + "' không có phiên bản '" + n + "'",
                "dossier '" + projectId + "' has no version '" + n + "'");
    }
}
