package vn.phendau.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.phendau.proposal.EiaStatus;
import vn.phendau.proposal.Feature;
import vn.phendau.proposal.Linkage;
import vn.phendau.proposal.Opinion;
import vn.phendau.proposal.ProjectGroup;
import vn.phendau.proposal.Sector;
import vn.phendau.proposal.UrgencyLevel;

/**
 * The proposal as the rules see it: the fields they test, and the few values derived once (the border-commune
 * flag over all communes, funding shares, the project group under the law in force). A Boolean that is null is
 * unknown, and rules test {@code == null} for it explicitly: missing information is never read as "no".
 */
public record Project(
        String id,
        Sector sector,
        Set<Feature> features,
        Set<Linkage> linkages,
        boolean linkagesGiven,
        boolean communesGiven,
        Boolean borderCommune,
        List<String> borderCommuneNames,
        boolean formerProvinceWithoutBorder,
        Boolean inBorderBelt,
        Boolean inDefenseEconomicZone,
        boolean keyBorderEconomicZone,
        Opinion defenseOpinion,
        Opinion securityOpinion,
        Opinion foreignAffairsOpinion,
        Boolean dualUse,
        boolean dualUseDescribed,
        Boolean affectsBorderLineOrMarkers,
        Boolean involvesStateSecrets,
        boolean foreignParticipation,
        Boolean inProvincialPlan,
        boolean provincialPlanRefGiven,
        Boolean consistentWithSectoralPlans,
        Boolean consistentWithConstructionPlan,
        Boolean inBorderGatePlan,
        Boolean inMediumTermInvestmentPlan,
        long totalVnd,
        boolean sourcesGiven,
        boolean stateFunded,
        long fundingSumVnd,
        double fundingGap,
        double securedShare,
        int securedUnknown,
        double leveragedShare,
        boolean nationalTargetProgram,
        UrgencyLevel urgencyLevel,
        int justificationLength,
        Integer population,
        Integer ethnicMinorityHouseholds,
        Integer poorHouseholds,
        Integer jobsCreated,
        Integer householdsServed,
        Boolean protectedArea,
        Double naturalForestConversionHa,
        Boolean onBorderRiver,
        Boolean culturalHeritageImpact,
        EiaStatus eiaStatus,
        Integer durationYears,
        ProjectGroup group,
        ProjectGroup derivedGroup,
        ProjectGroup declaredGroup,
        Integer groupLimitYears) {

    public boolean isInfrastructure() {
        return sector.isInfrastructure();
    }

    /** Any of the given features; a DRL pattern reads {@code hasAnyFeature("A", "B")} more plainly than an or-chain. */
    public boolean hasAnyFeature(String... names) {
        for (String n : names) {
            if (features.contains(Feature.valueOf(n))) {
                return true;
            }
        }
        return false;
    }

    public boolean defenseAgreed() {
        return defenseOpinion != null && defenseOpinion.isGiven();
    }

    public boolean securityAgreed() {
        return securityOpinion != null && securityOpinion.isGiven();
    }

    public boolean foreignAffairsAgreed() {
        return foreignAffairsOpinion != null && foreignAffairsOpinion.isGiven();
    }

    public boolean anyBeltOpinionObjected() {
        return defenseOpinion == Opinion.OBJECTED || securityOpinion == Opinion.OBJECTED
                || foreignAffairsOpinion == Opinion.OBJECTED;
    }

    /** The ministries whose written opinion on works in the border belt is not yet given (named in LEGAL-1). */
    public List<Ministry> beltOpinionsOutstanding() {
        List<Ministry> out = new ArrayList<>();
        if (!defenseAgreed()) {
            out.add(Ministry.DEFENCE);
        }
        if (!securityAgreed()) {
            out.add(Ministry.PUBLIC_SECURITY);
        }
        if (!foreignAffairsAgreed()) {
            out.add(Ministry.FOREIGN_AFFAIRS);
        }
        return out;
    }

    public List<Ministry> borderLineOpinionsOutstanding() {
        List<Ministry> out = new ArrayList<>();
        if (!foreignAffairsAgreed()) {
            out.add(Ministry.FOREIGN_AFFAIRS);
        }
        if (!defenseAgreed()) {
            out.add(Ministry.DEFENCE);
        }
        return out;
    }

    public List<Ministry> beltOpinionsObjected() {
        List<Ministry> out = new ArrayList<>();
        if (defenseOpinion == Opinion.OBJECTED) {
            out.add(Ministry.DEFENCE);
        }
        if (securityOpinion == Opinion.OBJECTED) {
            out.add(Ministry.PUBLIC_SECURITY);
        }
        if (foreignAffairsOpinion == Opinion.OBJECTED) {
            out.add(Ministry.FOREIGN_AFFAIRS);
        }
        return out;
    }

    public enum Ministry { DEFENCE, PUBLIC_SECURITY, FOREIGN_AFFAIRS }
}
