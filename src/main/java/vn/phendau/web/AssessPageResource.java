package vn.phendau.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Context;
import java.util.function.BooleanSupplier;
import org.jboss.resteasy.reactive.RestQuery;
import vn.phendau.http.BodyGuard;
import vn.phendau.assessment.Assessment;
import vn.phendau.assessment.AssessmentService;
import vn.phendau.batch.BatchFormat;
import vn.phendau.batch.BatchService;
import vn.phendau.batch.ItemReader;
import vn.phendau.batch.Lists;
import vn.phendau.common.Text;
import vn.phendau.http.Bodies;
import vn.phendau.http.Limits;
import vn.phendau.ops.Metrics;
import vn.phendau.problem.Problem;
import vn.phendau.problem.ProblemException;
import vn.phendau.proposal.ProposalReader;

/**
 * Assessing from a form: one proposal (pasted or uploaded) renders its report, a list renders its table. Both go
 * through the same reader, service and list runner as the API; a problem with the input shows the form again,
 * with the problem next to the input, instead of the API's problem+json.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AssessPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Page page, FormState form, List<Samples.Sample> samples);

        static native TemplateInstance report(Page page, Assessment a, ScoreChart chart);

        static native TemplateInstance list(Page page, ListResult list, ListResult.PageView view);
    }

    private final ProposalReader reader;
    private final AssessmentService service;
    private final Lists lists;
    private final BatchService batch;
    private final Limits limits;
    private final PagesConfig config;
    private final ReportStore store;
    private final Samples samples;
    private final Pages pages;
    @jakarta.inject.Inject
    Metrics metrics;

    public AssessPageResource(ProposalReader reader, AssessmentService service, Lists lists, BatchService batch, Limits limits,
                              PagesConfig config, ReportStore store, Samples samples, Pages pages) {
        this.reader = reader;
        this.service = service;
        this.lists = lists;
        this.batch = batch;
        this.limits = limits;
        this.config = config;
        this.store = store;
        this.samples = samples;
        this.pages = pages;
    }

    /** The form; {@code ?sample=<file>} fills it with that sample proposal. */
    @GET
    @Path("assess")
    @Operation(hidden = true)
    public Response form(@BeanParam Viewer viewer, @RestQuery("sample") String sample) {
        String json = sample == null ? "" : samples.byFile(sample).map(Samples.Sample::json).orElse("");
        return form(200, viewer, FormState.empty(json, sample));
    }

    @POST
    @Path("assess")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response submit(@BeanParam Viewer viewer, @Context RoutingContext exchange) throws IOException {
        // Read on the event loop by BodyGuard, the file already spooled: no worker waited on the upload.
        BodyGuard.Form form = BodyGuard.form(exchange);
        vn.phendau.security.Csrf.check(exchange, form.field(vn.phendau.security.Csrf.FIELD));
        String json = form.field("json");
        boolean pasted = json != null && !json.isBlank();
        boolean uploaded = form.file() != null && form.fileName() != null && !form.fileName().isBlank();
        BooleanSupplier gone = exchange.response()::closed;
        String at = uploaded && !pasted ? FormState.FILE : FormState.JSON;
        try {
            if (pasted == uploaded) {
                throw ProblemException.invalid(List.of(new Problem("$", Pages.text(pasted ? Msg::notBoth : Msg::needInput))));
            }
            if (pasted) {
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                return isList(new ByteArrayInputStream(body))
                        ? list(viewer, new ByteArrayInputStream(body), BatchFormat.JSON, "JSON", gone)
                        : report(viewer, body);
            }
            BatchFormat format = formatOf(form.fileName());
            java.nio.file.Path path = form.file();
            if (format == BatchFormat.JSON && !isList(Files.newInputStream(path))) {
                if (Files.size(path) > limits.bodyBytes()) {
                    throw Bodies.tooLarge(limits.bodyBytes());
                }
                return report(viewer, Files.readAllBytes(path));
            }
            return list(viewer, Files.newInputStream(path), format, form.fileName(), gone);
        } catch (ProblemException p) {
            Response shown = form(p.status(), viewer, new FormState(pasted ? json : "", null, at, Text.of(p.titleVi(), p.titleEn()), p.problems()));
            return p.retryAfter() > 0 ? Response.fromResponse(shown).header("Retry-After", p.retryAfter()).build() : shown;
        }
    }

    @GET
    @Path("reports/{assessmentId}")
    @Operation(hidden = true)
    public Response report(@BeanParam Viewer viewer, @PathParam("assessmentId") String id) {
        Page page = pages.page(viewer, "/reports/" + id, "assess");
        return store.report(id)
                .map(a -> Pages.html(200, viewer, Templates.report(page, a, ScoreChart.of(a.scoreBreakdown()))))
                .orElseGet(() -> Pages.html(404, viewer, ErrorPages.notFound(page, Pages.text(Msg::reportGone))));
    }

    @GET
    @Path("lists/{listId}")
    @Operation(hidden = true)
    public Response list(@BeanParam Viewer viewer, @PathParam("listId") String id, @RestQuery("page") Integer number,
                         @RestQuery("sort") String sort, @RestQuery("dir") String dir) {
        Page page = pages.page(viewer, "/lists/" + id, "assess");
        return store.list(id)
                .map(l -> Pages.html(200, viewer, Templates.list(page, l, l.view(number, sort, dir))))
                .orElseGet(() -> Pages.html(404, viewer, ErrorPages.notFound(page, Pages.text(Msg::listGone))));
    }

    /**
     * A kept list's report as the API gives it, CSV or Excel: the list as it was sent, assessed again through the
     * same reader, service and writers.
     */
    @GET
    @Path("lists/{listId}/report.{format:csv|xlsx}")
    @Operation(hidden = true)
    public Response download(@BeanParam Viewer viewer, @PathParam("listId") String id, @PathParam("format") String extension) {
        Page page = pages.page(viewer, "/lists/" + id, "assess");
        ListResult list = store.list(id).filter(ListResult::downloadable).orElse(null);
        if (list == null) {
            return Pages.html(404, viewer, ErrorPages.notFound(page, Pages.text(Msg::listGone)));
        }
        BatchFormat out = extension.equals("csv") ? BatchFormat.CSV : BatchFormat.XLSX;
        // A page's list is small (phendau.pages.list-items): made whole here, within a place among the lists
        // assessed at once, so that the place is given back whatever the client does with the answer.
        java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
        java.nio.file.Path file = null;
        try (Lists.Slot slot = lists.admit()) {
            file = Files.createTempFile("phendau-download", list.input().format().extension);
            Files.write(file, list.input().bytes());
            lists.assess(file, list.input().format(), out, answer);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is the system's to clean
                }
            }
        }
        return Response.ok(answer.toByteArray(), out.mediaType + (out == BatchFormat.CSV ? ";charset=UTF-8" : ""))
                .header("Content-Disposition", "attachment; filename=\"" + list.reportName() + out.extension + "\"").build();
    }

    private Response form(int status, Viewer viewer, FormState form) {
        return Pages.html(status, viewer, Templates.form(pages.page(viewer, "/assess", "assess"), form, samples.all()));
    }

    /** One proposal: read and checked as the API reads it, assessed, kept for its address, shown. */
    private Response report(Viewer viewer, byte[] body) {
        Assessment a = assess(body);
        // Post/redirect/get: the report has its own address, and reloading it does not post the form again.
        return Response.seeOther(java.net.URI.create("/reports/" + a.assessmentId())).build();
    }

    /**
     * One proposal's JSON read and checked as the API reads it, assessed and kept for its address: the one way a
     * page assesses a proposal, pasted here or entered in the guided form. Bad input throws the API's problems.
     */
    Assessment assess(byte[] body) {
        if (body.length > limits.bodyBytes()) {
            throw Bodies.tooLarge(limits.bodyBytes());
        }
        JsonNode tree = reader.readTree(body);
        Assessment a = metrics.assessed(Metrics.Entry.PAGE, service.assess(reader.convert(tree), tree));
        store.put(a);
        return a;
    }

    /** A list: spooled and checked as the API does, within this page's own item limit, each result kept for its report. */
    private Response list(Viewer viewer, InputStream in, BatchFormat format, String source, BooleanSupplier gone)
            throws IOException {
        java.nio.file.Path file = lists.spool(in, format);
        try (Lists.Slot slot = lists.admit()) {
            int items = format.count(file, reader);
            if (items > config.listItems()) {
                throw ProblemException.tooLarge("$", Pages.msg("vi").listTooLong(items, config.listItems()),
                        Pages.msg("en").listTooLong(items, config.listItems()));
            }
            ListResult.Input input = Files.size(file) > ListResult.KEPT_INPUT_BYTES ? null
                    : new ListResult.Input(format, Files.readAllBytes(file));
            PageSink sink = new PageSink(store, source, input);
            try (ItemReader reading = Lists.cancellable(format.open(file, reader), gone)) {
                batch.run(reading, sink);
            }
            ListResult result = sink.result();
            return Response.seeOther(java.net.URI.create("/lists/" + result.listId())).build();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static BatchFormat formatOf(String fileName) {
        try {
            return BatchFormat.forFileName(fileName);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(415, "unsupported-media-type", "Kiểu tệp không được hỗ trợ", "Unsupported file type",
                    List.of(new Problem("$", Pages.text(m -> m.unknownFileType(fileName)))));
        }
    }

    /** Whether a JSON body is an array (a list) rather than an object (one proposal): its first character says. */
    private static boolean isList(InputStream in) throws IOException {
        try (InputStream s = in) {
            for (int c = s.read(); c != -1; c = s.read()) {
                if (c == '[') {
                    return true;
                }
                if (!Character.isWhitespace(c) && c != 0xEF && c != 0xBB && c != 0xBF) {
                    return false;
                }
            }
            return false;
        }
    }
}
