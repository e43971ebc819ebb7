package vn.phendau.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;
import vn.phendau.assessment.Assessment;
import vn.phendau.common.Json;
import vn.phendau.common.Text;
import vn.phendau.labels.Labels;
import vn.phendau.problem.Problem;
import vn.phendau.problem.ProblemException;
import vn.phendau.proposal.ProposalReader;
import vn.phendau.reference.Provinces;
import vn.phendau.security.Csrf;

/**
 * The guided form of one proposal ({@code /proposals/new}), made from the schema and its labels. It works without
 * script: posting it assesses the proposal through the same path as the assessment page (then shows the report at
 * its address), or shows the form again with each problem beside its input and every value kept; "add a row" and
 * "download JSON" are submit buttons too. The script (static/proposal-form.js) only adds checks as one types and a
 * draft kept in the browser.
 */
@Path("/proposals")
@Produces(MediaType.TEXT_HTML)
public class ProposalFormResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance proposal(Page page, FormView form);
    }

    static final String ASSESS = "assess";
    static final String JSON = "json";
    static final String LOAD = "load";
    static final String ADD = "add:";

    private final FormFields fields;
    private final Labels labels;
    private final Provinces provinces;
    private final Samples samples;
    private final Pages pages;
    private final AssessPageResource assessPage;
    private final ProposalReader reader;

    public ProposalFormResource(FormFields fields, Labels labels, Provinces provinces, Samples samples, Pages pages,
                                AssessPageResource assessPage, ProposalReader reader) {
        this.fields = fields;
        this.labels = labels;
        this.provinces = provinces;
        this.samples = samples;
        this.pages = pages;
        this.assessPage = assessPage;
        this.reader = reader;
    }

    /** The empty form; {@code ?sample=<file>} fills it with that sample proposal. */
    @GET
    @Path("new")
    @Operation(hidden = true)
    public Response form(@BeanParam Viewer viewer, @RestQuery("sample") String sample) {
        FormValues values = samples.byFile(sample == null ? "" : sample)
                .map(s -> FormValues.of(fields, parse(s.json()), viewer.lang()))
                .orElseGet(() -> FormValues.empty(fields));
        return page(200, viewer, values, null, List.of(), sample, null, List.of());
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response submit(@BeanParam Viewer viewer, @Context RoutingContext exchange, MultivaluedMap<String, String> form) {
        // Every button of the form posts here, and "assess" keeps a report: the same double-submit token as the
        // assessment page's form, checked before anything is read (403 problem+json when missing or stale).
        Csrf.check(exchange, form.getFirst(Csrf.FIELD));
        String action = form.getFirst("action") == null ? ASSESS : form.getFirst("action");
        FormValues values = FormValues.posted(fields, form, action.startsWith(ADD) ? action.substring(ADD.length()) : null);
        if (action.startsWith(ADD)) {
            return page(200, viewer, values, null, List.of(), null, null, List.of());
        }
        if (action.equals(LOAD)) {
            return load(viewer, form.getFirst("loadJson"));
        }
        byte[] body = values.json().toString().getBytes(StandardCharsets.UTF_8);
        if (action.equals(JSON)) {
            String id = values.value("id").replaceAll("[^A-Za-z0-9_.-]", "");
            return Response.ok(body, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .header("Content-Disposition", "attachment; filename=\"" + (id.isEmpty() ? "de-xuat" : id) + ".json\"").build();
        }
        try {
            Assessment a = assessPage.assess(body);
            // Post/redirect/get: the report has its address, so reloading it does not assess again.
            return Response.seeOther(URI.create("/reports/" + a.assessmentId())).build();
        } catch (ProblemException p) {
            Response shown = page(p.status(), viewer, values, Text.of(p.titleVi(), p.titleEn()), p.problems(), null, null, List.of());
            return p.retryAfter() > 0 ? Response.fromResponse(shown).header("Retry-After", p.retryAfter()).build() : shown;
        }
    }

    /** A pasted (or, by the script, chosen) JSON filling the form; JSON that cannot be read is shown with its problems. */
    private Response load(Viewer viewer, String json) {
        if (json == null || json.isBlank()) {
            return page(400, viewer, FormValues.empty(fields), null, List.of(), null, "",
                    List.of(new Problem("$", Pages.text(Msg::needInput))));
        }
        try {
            JsonNode tree = reader.parse(json.getBytes(StandardCharsets.UTF_8));
            if (!tree.isObject()) {
                throw ProblemException.invalid(List.of(Problem.at("$", "phải là một đề xuất (đối tượng JSON)", "must be one proposal (a JSON object)")));
            }
            return page(200, viewer, FormValues.of(fields, tree, viewer.lang()), null, List.of(), null, null, List.of());
        } catch (ProblemException p) {
            return page(p.status(), viewer, FormValues.empty(fields), null, List.of(), null, json, p.problems());
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Response page(int status, Viewer viewer, FormValues values, Text title, List<Problem> problems, String sample,
                          String loadJson, List<Problem> loadProblems) {
        List<String> names = provinces.units().stream().map(Provinces.Province::name).toList();
        FormView view = new FormView.Builder(fields, labels, names, viewer.lang())
                .build(values, title, problems, samples.all(), sample, loadJson, loadProblems);
        return Pages.html(status, viewer, Templates.proposal(pages.page(viewer, "/proposals/new", "proposal"), view));
    }
}
