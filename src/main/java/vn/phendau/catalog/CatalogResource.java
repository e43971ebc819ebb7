package vn.phendau.catalog;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.phendau.assessment.Assessment;
import vn.phendau.reference.Provinces;
import vn.phendau.rules.RuleBase;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private final Catalog catalog;
    private final RuleBase ruleBase;
    private final Provinces provinces;

    public CatalogResource(Catalog catalog, RuleBase ruleBase, Provinces provinces) {
        this.catalog = catalog;
        this.ruleBase = ruleBase;
        this.provinces = provinces;
    }

    @GET
    @Path("/rules")
    public RuleList rules() {
        return new RuleList(new Assessment.Ruleset(ruleBase.version(), ruleBase.fingerprint()), catalog.rules());
    }

    /** Records, not maps: the fields keep the contract's order from one run of the service to the next. */
    public record RuleList(Assessment.Ruleset ruleset, List<Catalog.RuleView> rules) {
    }

    public record ProvinceList(List<Provinces.Province> border, List<Provinces.Province> withoutLandBorder) {
    }

    @GET
    @Path("/rules/{ruleId}")
    public Catalog.RuleView rule(@PathParam("ruleId") String id) {
        return catalog.rule(id);
    }

    @GET
    @Path("/criteria")
    public List<Catalog.CriterionView> criteria() {
        return catalog.criteria();
    }

    @GET
    @Path("/legal/23-NQ-CP/paragraphs")
    public List<Catalog.ParagraphView> paragraphs() {
        return catalog.paragraphs();
    }

    @GET
    @Path("/legal/23-NQ-CP/paragraphs/{id}")
    public Catalog.ParagraphView paragraph(@PathParam("id") String id) {
        return catalog.paragraph(id);
    }

    @GET
    @Path("/reference/provinces")
    public ProvinceList provinces() {
        List<Provinces.Province> all = provinces.units();
        return new ProvinceList(all.stream().filter(Provinces.Province::landBorder).toList(),
                all.stream().filter(p -> !p.landBorder()).toList());
    }
}
