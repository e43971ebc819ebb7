package vn.phendau.replay;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.phendau.dossier.DossierConfig;
import vn.phendau.dossier.DossierFilter;
import vn.phendau.dossier.DossierViews.Page;
import vn.phendau.dossier.Params;
import vn.phendau.problem.ProblemException;

@Path("/api/v1/replays")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({vn.phendau.security.Role.ADMIN_, vn.phendau.security.Role.AUDITOR_})
public class ReplayResource {

    private final ReplayService replays;
    private final ReplayWorker worker;
    private final DossierConfig config;
    private final vn.phendau.security.Caller caller;

    public ReplayResource(ReplayService replays, ReplayWorker worker, DossierConfig config, vn.phendau.security.Caller caller) {
        this.caller = caller;
        this.replays = replays;
        this.worker = worker;
        this.config = config;
    }

    @POST
    @RolesAllowed(vn.phendau.security.Role.ADMIN_)
    @Operation(summary = "Re-assess the current version of every dossier (or those the filter chooses) with the rules as they are now")
    public Response start(@QueryParam("province") String province, @QueryParam("verdict") String verdict,
                          @QueryParam("q") String q) {
        String who = caller.name();
        long id = replays.start(DossierFilter.of(province, verdict, q), who);
        worker.wake();
        return Response.accepted(Map.of("replayId", id, "status", Replay.RUNNING))
                .location(UriBuilder.fromPath("/api/v1/replays/{id}").build(id)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "How a replay stands: RUNNING, DONE or FAILED, total, done, and how many verdicts, scores and findings changed")
    public ReplayService.Status status(@PathParam("id") String id) {
        return replays.status(id(id));
    }

    @GET
    @Path("/{id}/changes")
    @Operation(summary = "The dossiers whose verdict, score or findings the replay changed, with the diff")
    public Page<ReplayService.ChangedDossier> changes(@PathParam("id") String id, @QueryParam("page") String page,
                                                      @QueryParam("size") String size) {
        return replays.changes(id(id), Params.page(page), Params.size(size, config));
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("lần đánh giá lại", "replayId", "không có lần đánh giá lại '" + id + "'",
                    "no replay '" + id + "'");
        }
    }
}
