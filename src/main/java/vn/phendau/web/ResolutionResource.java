package vn.phendau.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.phendau.catalog.Catalog;
import vn.phendau.catalog.Catalog.CriterionView;
import vn.phendau.catalog.Catalog.ParagraphView;
import vn.phendau.catalog.Catalog.RuleView;
import vn.phendau.common.Text;
import vn.phendau.legal.Citation;
import vn.phendau.legal.LegalText;
import vn.phendau.problem.ProblemException;

/** The reviewer's reference: the resolution paragraph by paragraph with the rules that cite it, and each rule. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ResolutionResource {

    /** A paragraph of the resolution and the rules that cite it, in the catalog's order. */
    public record Entry(ParagraphView paragraph, List<RuleView> rules) {

        public boolean heading() {
            return "section".equals(paragraph.kind()) || "heading".equals(paragraph.kind());
        }
    }

    public record Document(String number, Text title, String issued, String signer) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Page page, Document document, List<Entry> preamble, List<Entry> entries,
                                            List<CriterionView> criteria, int cited, int uncited, int rules);

        static native TemplateInstance rule(Page page, RuleView rule, CriterionView criterion, List<Citation> paragraphs,
                                            List<Citation> laws);
    }

    private final Catalog catalog;
    private final LegalText legal;
    private final Pages pages;

    public ResolutionResource(Catalog catalog, LegalText legal, Pages pages) {
        this.catalog = catalog;
        this.legal = legal;
        this.pages = pages;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance home(@BeanParam Viewer viewer) {
        Map<String, RuleView> rules = catalog.rules().stream().collect(Collectors.toMap(RuleView::id, Function.identity()));
        List<Entry> entries = catalog.paragraphs().stream()
                .map(p -> new Entry(p, p.citedBy().stream().map(rules::get).toList())).toList();
        var d = legal.document();
        Document document = new Document(d.get("number").asText(), Text.of(d.get("title").asText(), d.get("title_en").asText()),
                d.get("issued").asText(), d.get("signer").asText());
        int cited = (int) entries.stream().filter(e -> !e.rules().isEmpty()).count();
        // The grounds and preamble no rule cites are folded, so that the page opens with what the tool checks.
        List<Entry> preamble = entries.stream().filter(ResolutionResource::folded).toList();
        List<Entry> body = entries.stream().filter(e -> !folded(e)).toList();
        return Pages.in(viewer, Templates.home(pages.page(viewer, "/", "home"), document, preamble, body, catalog.criteria(),
                cited, entries.size() - cited, rules.size()));
    }

    private static boolean folded(Entry e) {
        return e.rules().isEmpty() && ("basis".equals(e.paragraph().kind()) || "preamble".equals(e.paragraph().kind()));
    }

    @GET
    @Path("rules/{id}")
    @Operation(hidden = true)
    public Response rule(@BeanParam Viewer viewer, @PathParam("id") String id) {
        Page page = pages.page(viewer, "/rules/" + id, "home");
        RuleView rule;
        try {
            rule = catalog.rule(id);
        } catch (ProblemException e) {
            return Pages.html(404, viewer, ErrorPages.notFound(page, e.problems().get(0).message()));
        }
        CriterionView criterion = catalog.criteria().stream().filter(c -> c.id().equals(rule.criterion())).findFirst().orElseThrow();
        List<Citation> paragraphs = rule.citations().stream().filter(c -> c.paragraph() != null).toList();
        List<Citation> laws = rule.citations().stream().filter(c -> c.paragraph() == null).toList();
        return Pages.html(200, viewer, Templates.rule(page, rule, criterion, paragraphs, laws));
    }
}
