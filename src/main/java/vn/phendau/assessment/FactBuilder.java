package vn.phendau.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import vn.phendau.common.Json;
import vn.phendau.common.TextMemo;
import vn.phendau.common.VietnameseText;
import vn.phendau.proposal.Feature;
import vn.phendau.proposal.FundingType;
import vn.phendau.proposal.Linkage;
import vn.phendau.proposal.ProjectGroup;
import vn.phendau.proposal.ProjectProposal;
import vn.phendau.proposal.ProjectProposal.Commune;
import vn.phendau.proposal.ProjectProposal.FundingSource;
import vn.phendau.reference.ProjectGroups;
import vn.phendau.reference.Provinces;
import vn.phendau.rules.Project;

/** Turns a valid proposal into the fact the rules read, deriving once what several rules share. */
@ApplicationScoped
public class FactBuilder {

    /** The key border-gate economic zones of III.3.d, folded for matching the zone a proposal names. */
    private final List<String> keyZones = new ArrayList<>();

    public FactBuilder() {
        Json.resource("reference/border-law.json").at("/keyBorderEconomicZones2021to2025/names")
                .forEach(n -> keyZones.add(VietnameseText.fold(n.asText())));
    }

    public Project build(ProjectProposal p, LocalDate assessmentDate, Provinces.Match province, ProjectGroups.Law law,
                         ProjectGroup derivedGroup) {
        var loc = p.location();
        var inv = p.investment();
        var plan = p.planning() == null ? new ProjectProposal.Planning(null, null, null, null, null, null) : p.planning();
        var ds = p.defenseSecurity() == null ? new ProjectProposal.DefenseSecurity(null, null, null, null, null, null, null) : p.defenseSecurity();
        var env = p.environment() == null ? new ProjectProposal.Environment(null, null, null, null, null, null, null) : p.environment();
        var ben = p.beneficiaries() == null ? new ProjectProposal.Beneficiaries(null, null, null, null) : p.beneficiaries();
        List<FundingSource> sources = inv.sources() == null ? List.of() : inv.sources();
        long total = inv.totalVnd();
        // One pass over the sources for every sum and flag the rules read.
        long sum = 0;
        long secured = 0;
        long leveraged = 0;
        int securedUnknown = 0;
        boolean stateFunded = false;
        boolean foreignDirect = false;
        boolean nationalTargetProgram = false;
        for (FundingSource s : sources) {
            sum += s.amountVnd();
            if (Boolean.TRUE.equals(s.secured())) {
                secured += s.amountVnd();
            } else if (s.secured() == null) {
                securedUnknown++;
            }
            if (s.type().isLeveraged()) {
                leveraged += s.amountVnd();
            }
            stateFunded |= s.type().isState();
            foreignDirect |= s.type() == FundingType.FOREIGN_DIRECT;
            nationalTargetProgram |= s.type() == FundingType.NATIONAL_TARGET_PROGRAM;
        }
        Integer duration = p.schedule() == null || p.schedule().startYear() == null || p.schedule().endYear() == null
                ? null : p.schedule().endYear() - p.schedule().startYear() + 1;
        ProjectGroup group = inv.projectGroup() != null ? inv.projectGroup() : derivedGroup;
        // A former province that had no land border has no border communes, whatever the flags say (SCOPE-2).
        boolean formerWithoutBorder = province.formerly() != null && !province.formerHadLandBorder();
        String justification = p.urgency() == null || p.urgency().justification() == null ? "" : p.urgency().justification().strip();

        return new Project(
                p.id(), p.sector(),
                p.features() == null || p.features().isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(p.features()),
                p.linkages() == null || p.linkages().isEmpty() ? EnumSet.noneOf(Linkage.class) : EnumSet.copyOf(p.linkages()),
                p.linkages() != null,
                loc.communes() != null && !loc.communes().isEmpty(),
                formerWithoutBorder ? Boolean.FALSE : borderCommune(loc.communes()),
                formerWithoutBorder || loc.communes() == null ? List.of() : loc.communes().stream()
                        .filter(c -> Boolean.TRUE.equals(c.borderCommune())).map(Commune::name).toList(),
                formerWithoutBorder,
                loc.inBorderBelt(), loc.inDefenseEconomicZone(),
                isKeyZone(loc.borderEconomicZone()),
                ds.defenseOpinion(), ds.securityOpinion(), ds.foreignAffairsOpinion(),
                ds.dualUse(), ds.dualUseDescription() != null && !ds.dualUseDescription().isBlank(),
                ds.affectsBorderLineOrMarkers(), ds.involvesStateSecrets(),
                foreignDirect ? Boolean.TRUE : inv.foreignInvestor(),
                plan.inProvincialPlan(), plan.provincialPlanRef() != null && !plan.provincialPlanRef().isBlank(),
                plan.consistentWithSectoralPlans(), plan.consistentWithConstructionPlan(), plan.inBorderGatePlan(),
                plan.inMediumTermInvestmentPlan(),
                total, !sources.isEmpty(), stateFunded,
                sum, sources.isEmpty() ? 0 : Math.abs(sum - total) / (double) total,
                secured / (double) total,
                securedUnknown,
                leveraged / (double) total,
                nationalTargetProgram,
                p.urgency() == null ? null : p.urgency().level(),
                justification.codePointCount(0, justification.length()),
                ben.population(), ben.ethnicMinorityHouseholds(), ben.poorHouseholds(), ben.jobsCreated(),
                householdsServed(ben),
                env.protectedArea(), env.naturalForestConversionHa(), env.onBorderRiver(), env.altersBorderRiverFlow(),
                env.forestConversionDecision() != null && !env.forestConversionDecision().isBlank(), env.culturalHeritageImpact(),
                env.eiaStatus(),
                p.schedule() == null ? null : p.schedule().startYear(), assessmentDate.getYear(),
                duration, group, derivedGroup, inv.projectGroup(), law.maxYears(group));
    }

    /** True if any commune is a border commune, false only if every commune is known not to be, else unknown. */
    static Boolean borderCommune(List<Commune> communes) {
        if (communes == null || communes.isEmpty()) {
            return null;
        }
        if (communes.stream().anyMatch(c -> Boolean.TRUE.equals(c.borderCommune()))) {
            return true;
        }
        return communes.stream().map(Commune::borderCommune).allMatch(Objects::nonNull) ? false : null;
    }

    /**
     * Households served, counted once: ethnic-minority and poor households overlap (a poor ethnic-minority
     * household is in both counts), so the larger of the two is the count that is surely served.
     */
    static Integer householdsServed(ProjectProposal.Beneficiaries b) {
        if (b.ethnicMinorityHouseholds() == null && b.poorHouseholds() == null) {
            return null;
        }
        return Math.max(b.ethnicMinorityHouseholds() == null ? 0 : b.ethnicMinorityHouseholds(),
                b.poorHouseholds() == null ? 0 : b.poorHouseholds());
    }

    /**
     * Whether the zone a proposal names is one of the key zones. Folding the name was a third of building the fact,
     * and a service sees the same few zone names over and over: each is judged once (the schema allows 200 characters).
     */
    private final TextMemo<Boolean> keyZoneNames = new TextMemo<>(name -> {
        String zone = VietnameseText.fold(name);
        return !zone.isEmpty() && keyZones.stream().anyMatch(zone::contains);
    }, 4096, 200);

    private boolean isKeyZone(String name) {
        return name != null && keyZoneNames.get(name);
    }
}
