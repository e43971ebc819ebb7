package vn.phendau.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.phendau.dossier.DossierService;
import vn.phendau.dossier.DossierViews.DossierView;
import vn.phendau.dossier.DossierViews.VersionDiff;
import vn.phendau.dossier.Params;
import vn.phendau.replay.ReplayService;

/**
 * A dossier's page, read from the database: its versions with their verdicts and scores, a diff between any two,
 * and the replays that touched it. Read through the same services as the API.
 */
@Path("/dossiers/{projectId}")
@Produces(MediaType.TEXT_HTML)
@jakarta.annotation.security.RolesAllowed({"OFFICER", "REVIEWER", "AUDITOR", "ADMIN"})
public class DossierPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dossier(Page page, DossierView dossier, VersionDiff diff, List<Long> replays);
    }

    private final DossierService dossiers;
    private final ReplayService replays;
    private final Pages pages;

    @jakarta.inject.Inject
    vn.phendau.security.Caller caller;

    public DossierPageResource(DossierService dossiers, ReplayService replays, Pages pages) {
        this.dossiers = dossiers;
        this.replays = replays;
        this.pages = pages;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance dossier(@BeanParam Viewer viewer, @PathParam("projectId") String projectId,
                                    @QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("page") String page) {
        DossierView d = dossiers.dossier(projectId, Params.page(page), 100, caller.scope());
        VersionDiff diff = null;
        if (from != null && to != null && !from.isBlank() && !to.isBlank()) {
            diff = dossiers.diff(projectId, Params.positive("from", from, 1, d.currentVersion()),
                    Params.positive("to", to, 1, d.currentVersion()), caller.scope());
        }
        return Pages.in(viewer, Templates.dossier(pages.page(viewer, "/dossiers/" + projectId, "dossier"), d, diff,
                replays.touching(projectId)));
    }
}
