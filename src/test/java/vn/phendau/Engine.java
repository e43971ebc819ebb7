package vn.phendau;

import io.smallrye.config.SmallRyeConfigBuilder;
import vn.phendau.assessment.AssessmentService;
import vn.phendau.assessment.Explainer;
import vn.phendau.assessment.FactBuilder;
import vn.phendau.http.Limits;
import vn.phendau.legal.LegalText;
import vn.phendau.proposal.ProposalReader;
import vn.phendau.reference.ParameterTable;
import vn.phendau.reference.ProjectGroups;
import vn.phendau.reference.Provinces;
import vn.phendau.rules.RuleBase;

/** The service's parts wired by hand, once per test JVM: rule tests run without the container. */
public final class Engine {

    public static final LegalText LEGAL = new LegalText();
    public static final RuleBase RULES = new RuleBase(LEGAL);
    public static final Provinces PROVINCES = new Provinces();
    public static final ProjectGroups GROUPS = new ProjectGroups();
    /** The limits as configured by default (their @WithDefault values). */
    public static final Limits LIMITS = new SmallRyeConfigBuilder().withMapping(Limits.class).build()
            .getConfigMapping(Limits.class);
    public static final ProposalReader READER = new ProposalReader(PROVINCES, GROUPS, LIMITS);
    public static final AssessmentService SERVICE = new AssessmentService(RULES, PROVINCES, GROUPS, new ParameterTable(),
            new FactBuilder(), new Explainer(), LEGAL);

    public static final vn.phendau.batch.BatchService BATCH = new vn.phendau.batch.BatchService(READER, SERVICE, RULES,
            GROUPS, new ParameterTable(), new Explainer(), LEGAL, () -> 0);  // 0: as many threads as processors

    private Engine() {
    }
}
