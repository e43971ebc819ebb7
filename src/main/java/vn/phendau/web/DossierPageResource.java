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
        static native TemplateInstance dossier(Page page, DossierView dossier, VersionDiff diff, List<Long> replays,
                                               List<vn.phendau.dossier.Decisions.DecisionView> decisions,
                                               List<FindingRow> findings, boolean reviewer, String user,
                                               List<vn.phendau.problem.Problem> problems);
    }

    /** A finding of the current assessment, as the decision form lists it. */
    public record FindingRow(int index, String ruleId, String outcome, String severity, String vi, String en) {
    }

    @jakarta.inject.Inject
    vn.phendau.dossier.Decisions decisions;

    @jakarta.inject.Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

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
        return Pages.in(viewer, render(viewer, d, diff, List.of()));
    }

    private TemplateInstance render(Viewer viewer, DossierView d, VersionDiff diff, List<vn.phendau.problem.Problem> problems) {
        List<FindingRow> findings = new java.util.ArrayList<>();
        try {
            com.fasterxml.jackson.databind.JsonNode current = mapper.readTree(d.current());
            for (com.fasterxml.jackson.databind.JsonNode f : current.path("findings")) {
                findings.add(new FindingRow(findings.size(), f.path("ruleId").asText(), f.path("outcome").asText(),
                        f.path("severity").asText(), f.at("/explanation/vi").asText(""), f.at("/explanation/en").asText("")));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Templates.dossier(pages.page(viewer, "/dossiers/" + d.projectId(), "dossier"), d, diff,
                replays.touching(d.projectId()), decisions.list(d.projectId(), caller.scope()), findings,
                caller.has(vn.phendau.security.Role.REVIEWER), caller.name(), problems);
    }

    /**
     * The decision form (REVIEWER): outcome, reason, and for each finding an optional override. Posted with its CSRF
     * token; recorded through the same service as the API, then post/redirect/get back to the dossier.
     */
    @jakarta.ws.rs.POST
    @Path("decisions")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @jakarta.annotation.security.RolesAllowed("REVIEWER")
    @Operation(hidden = true)
    public jakarta.ws.rs.core.Response decide(@BeanParam Viewer viewer, @PathParam("projectId") String projectId,
                                              jakarta.ws.rs.core.MultivaluedMap<String, String> form,
                                              @jakarta.ws.rs.core.Context io.vertx.ext.web.RoutingContext exchange) {
        vn.phendau.security.Csrf.check(exchange, form.getFirst(vn.phendau.security.Csrf.FIELD));
        com.fasterxml.jackson.databind.node.ObjectNode body = mapper.createObjectNode();
        body.put("outcome", form.getFirst("outcome"));
        body.put("reason", form.getFirst("reason"));
        com.fasterxml.jackson.databind.node.ArrayNode overrides = body.putArray("overrides");
        for (int i = 0; form.containsKey("ruleId." + i); i++) {
            String kind = form.getFirst("kind." + i);
            if (kind == null || kind.isBlank()) {
                continue;  // no override of this finding
            }
            overrides.addObject().put("ruleId", form.getFirst("ruleId." + i)).put("kind", kind)
                    .put("reason", form.getFirst("overrideReason." + i)).put("document", form.getFirst("document." + i));
        }
        try {
            decisions.decide(projectId, body, caller.name(), caller.scope());
        } catch (vn.phendau.problem.ProblemException p) {
            if (p.status() != 400) {
                throw p;
            }
            DossierView d = dossiers.dossier(projectId, 1, 100, caller.scope());
            return Pages.html(400, viewer, render(viewer, d, null, p.problems()));
        }
        return jakarta.ws.rs.core.Response.seeOther(java.net.URI.create("/dossiers/"
                + java.net.URLEncoder.encode(projectId, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))).build();
    }
}
