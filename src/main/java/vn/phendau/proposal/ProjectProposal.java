package vn.phendau.proposal;

import java.time.LocalDate;
import java.util.List;

/**
 * One proposal as a provincial investment office submits it (project-proposal.schema.json). Every field but
 * id, name, location.province, sector and investment.totalVnd may be null, and null means unknown, never "no".
 */
public record ProjectProposal(
        String id,
        String name,
        String description,
        String submittedBy,
        LocalDate assessmentDate,
        Location location,
        Sector sector,
        List<Feature> features,
        Investment investment,
        Schedule schedule,
        Planning planning,
        DefenseSecurity defenseSecurity,
        List<Linkage> linkages,
        Urgency urgency,
        Beneficiaries beneficiaries,
        Environment environment) {

    public record Location(String province, List<Commune> communes, Boolean inBorderBelt, Double distanceToBorderKm,
                           Boolean inDefenseEconomicZone, String borderGate, String borderEconomicZone) {
    }

    public record Commune(String name, Boolean borderCommune) {
    }

    public record Investment(Long totalVnd, ProjectGroup projectGroup, List<FundingSource> sources,
                             Boolean foreignInvestor, String investorCountry) {
    }

    public record FundingSource(FundingType type, Long amountVnd, Boolean secured) {
    }

    public record Schedule(Integer startYear, Integer endYear) {
    }

    public record Planning(Boolean inProvincialPlan, String provincialPlanRef, Boolean consistentWithSectoralPlans,
                           Boolean consistentWithConstructionPlan, Boolean inBorderGatePlan,
                           Boolean inMediumTermInvestmentPlan) {
    }

    public record DefenseSecurity(Boolean dualUse, String dualUseDescription, Opinion defenseOpinion,
                                  Opinion securityOpinion, Opinion foreignAffairsOpinion,
                                  Boolean affectsBorderLineOrMarkers, Boolean involvesStateSecrets) {
    }

    public record Urgency(UrgencyLevel level, String justification) {
    }

    public record Beneficiaries(Integer population, Integer ethnicMinorityHouseholds, Integer poorHouseholds,
                                Integer jobsCreated) {
    }

    public record Environment(Boolean protectedArea, Double naturalForestConversionHa, Boolean onBorderRiver,
                              Boolean culturalHeritageImpact, EiaStatus eiaStatus, Boolean altersBorderRiverFlow,
                              String forestConversionDecision) {
    }
}
