package vn.phendau.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
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
        String keyZoneName,
        Opinion defenseOpinion,
        Opinion securityOpinion,
        Opinion foreignAffairsOpinion,
        Boolean dualUse,
        boolean dualUseDescribed,
        Boolean affectsBorderLineOrMarkers,
        Boolean involvesStateSecrets,
        Boolean foreignParticipation,
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
        Boolean altersBorderRiverFlow,
        boolean forestConversionDecisionGiven,
        Boolean culturalHeritageImpact,
        EiaStatus eiaStatus,
        Integer startYear,
        int assessmentYear,
        Integer durationYears,
        ProjectGroup group,
        ProjectGroup derivedGroup,
        ProjectGroup declaredGroup,
        Integer groupLimitYears,
        Boolean publicInvestment,
        Long publicCapitalVnd,
        vn.phendau.reference.ProjectGroups.Basis groupBasis) {

    /** The derived group's code, as the proposal's field takes it (the remedy of a declared group that differs). */
    public String derivedGroupCode() {
        return derivedGroup == null ? null : derivedGroup.name();
    }

    /**
     * A project of national importance, as the project group under the law in force says: one of the exceptions
     * to the bar on converting natural forest (Law on Forestry 2017 art. 14(4)).
     */
    public boolean nationallyImportant() {
        return group == ProjectGroup.NATIONAL_IMPORTANT;
    }

    /** A defence and security project, another exception to the bar on converting natural forest. */
    public boolean borderDefenceWorks() {
        return sector == Sector.BORDER_DEFENSE;
    }

    /** SOC-3: vocational training by sector or feature. */
    public boolean vocationalTraining() {
        return sector == Sector.VOCATIONAL_TRAINING || features.contains(Feature.VOCATIONAL_TRAINING);
    }

    /** URG-3 names what is missing: the communes, the population, or both. */
    public boolean communesUnknown() {
        return !communesGiven;
    }

    public boolean populationUnknown() {
        return population == null;
    }

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

    /**
     * Whether DEF-3's security review is needed: true for state secrets, or foreign participation in a border
     * commune; false only when each of those is known not to hold; null (unknown) otherwise.
     */
    public Boolean securityReviewNeeded() {
        Boolean foreignAtBorder = Boolean.TRUE.equals(foreignParticipation) && Boolean.TRUE.equals(borderCommune) ? Boolean.TRUE
                : Boolean.FALSE.equals(foreignParticipation) || Boolean.FALSE.equals(borderCommune) ? Boolean.FALSE : null;
        if (Boolean.TRUE.equals(involvesStateSecrets) || Boolean.TRUE.equals(foreignAtBorder)) {
            return true;
        }
        return Boolean.FALSE.equals(involvesStateSecrets) && Boolean.FALSE.equals(foreignAtBorder) ? false : null;
    }

    /**
     * The opinions a remedy asks for: each as it is when already given (AGREED or AGREED_WITH_CONDITIONS), else
     * AGREED. A remedy then never lists a change to an opinion that needs none.
     */
    public Opinion defenseOpinionAgreed() {
        return defenseAgreed() ? defenseOpinion : Opinion.AGREED;
    }

    public Opinion securityOpinionAgreed() {
        return securityAgreed() ? securityOpinion : Opinion.AGREED;
    }

    public Opinion foreignAffairsOpinionAgreed() {
        return foreignAffairsAgreed() ? foreignAffairsOpinion : Opinion.AGREED;
    }

    /** The features among the given ones that the project has, in the order given: what a priority rule credits. */
    private List<Feature> featuresAmong(Feature... among) {
        List<Feature> out = new ArrayList<>(among.length);
        for (Feature f : among) {
            if (features.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /** ECON-2: the agricultural features that earn its points. */
    public List<Feature> agricultureFeatures() {
        return featuresAmong(Feature.OCOP, Feature.CONCENTRATED_PRODUCTION_ZONE, Feature.HIGH_VALUE_CROPS);
    }

    /** ECON-5: the technology feature that earns its points. */
    public List<Feature> technologyFeatures() {
        return featuresAmong(Feature.TECHNOLOGY_TRANSFER);
    }

    /** ECON-1: the border-trade features that earn its points. */
    public List<Feature> tradeFeatures() {
        return featuresAmong(Feature.BORDER_MARKET, Feature.LOGISTICS_CENTER);
    }

    /** ECON-4: the telecom features that earn its points. */
    public List<Feature> telecomFeatures() {
        return featuresAmong(Feature.BROADBAND, Feature.MOBILE_COVERAGE, Feature.SHARED_TECHNICAL_INFRASTRUCTURE);
    }

    /** URG-1: the essential-service features. */
    public List<Feature> essentialFeatures() {
        return featuresAmong(Feature.CLEAN_WATER, Feature.COMMUNE_HEALTH_STATION, Feature.BOARDING_SCHOOL, Feature.BROADBAND,
                Feature.MOBILE_COVERAGE);
    }

    /** SOC-2 to SOC-5 and DEF-4: the features each credits. */
    public List<Feature> landHousingWaterFeatures() {
        return featuresAmong(Feature.LAND_ALLOCATION, Feature.CLEAN_WATER, Feature.RESETTLEMENT);
    }

    public List<Feature> trainingFeatures() {
        return featuresAmong(Feature.VOCATIONAL_TRAINING);
    }

    public List<Feature> healthFeatures() {
        return featuresAmong(Feature.COMMUNE_HEALTH_STATION, Feature.MILITARY_CIVILIAN_MEDICINE);
    }

    public List<Feature> educationFeatures() {
        return featuresAmong(Feature.BOARDING_SCHOOL);
    }

    public List<Feature> borderDefenceFeatures() {
        return featuresAmong(Feature.BORDER_PATROL_ROAD, Feature.BORDER_MARKER_EMBANKMENT);
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
        return ministries(o -> o == null || !o.isGiven(), Ministry.DEFENCE, Ministry.PUBLIC_SECURITY, Ministry.FOREIGN_AFFAIRS);
    }

    /** The ministries whose opinion on works at the border line or a border river is not yet given (LEGAL-2). */
    public List<Ministry> borderLineOpinionsOutstanding() {
        return ministries(o -> o == null || !o.isGiven(), Ministry.FOREIGN_AFFAIRS, Ministry.DEFENCE);
    }

    public List<Ministry> beltOpinionsObjected() {
        return ministries(o -> o == Opinion.OBJECTED, Ministry.DEFENCE, Ministry.PUBLIC_SECURITY, Ministry.FOREIGN_AFFAIRS);
    }

    private List<Ministry> ministries(Predicate<Opinion> test, Ministry... among) {
        List<Ministry> out = new ArrayList<>();
        for (Ministry m : among) {
            if (test.test(opinionOf(m))) {
                out.add(m);
            }
        }
        return out;
    }

    private Opinion opinionOf(Ministry m) {
        return switch (m) {
            case DEFENCE -> defenseOpinion;
            case PUBLIC_SECURITY -> securityOpinion;
            case FOREIGN_AFFAIRS -> foreignAffairsOpinion;
        };
    }

    /** The start year a remedy keeps: the proposal's own, or the assessment year when none is given. */
    public int remedyStartYear() {
        return startYear != null ? startYear : assessmentYear;
    }

    /** The last year that keeps the schedule within the group's legal time limit. */
    public int remedyEndYear() {
        return remedyStartYear() + (groupLimitYears == null ? 1 : groupLimitYears) - 1;
    }

    public long fundingShortfallVnd() {
        return Math.max(0, totalVnd - fundingSumVnd);
    }

    /** A committed local-budget source covering what the named sources leave unfunded. */
    public java.util.Map<String, Object> gapSource() {
        return localBudgetSource(fundingShortfallVnd());
    }

    /** A committed local-budget source for the whole total, when no source is named. */
    public java.util.Map<String, Object> wholeSource() {
        return localBudgetSource(totalVnd);
    }

    /** In the schema's field order: Map.of would list the fields in an order that changes from one run to the next. */
    private static java.util.Map<String, Object> localBudgetSource(long amountVnd) {
        java.util.Map<String, Object> source = new java.util.LinkedHashMap<>();
        source.put("type", "LOCAL_BUDGET");
        source.put("amountVnd", amountVnd);
        source.put("secured", true);
        return source;
    }

    public enum Ministry { DEFENCE, PUBLIC_SECURITY, FOREIGN_AFFAIRS }
}
