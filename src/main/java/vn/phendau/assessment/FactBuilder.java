package vn.phendau.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;
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

    /**
     * The key border-gate economic zones of III.3.d (reference/border-law.json), each with the names a proposal may
     * give it, folded; and the day the list took effect. A zone is matched by its own name, never by a province's
     * name inside it: "Khu kinh tế cửa khẩu An Giang" is a key zone, a zone of today's An Giang province that was
     * Kiên Giang's is not.
     */
    private record KeyZone(String name, List<String> keys) {
    }

    private final List<KeyZone> keyZones = new ArrayList<>();
    private final LocalDate keyZonesFrom;
    private final LocalDate keyZonesUntil;
    private final vn.phendau.common.Text keyZoneList;
    private static final java.util.regex.Pattern ZONE_PREFIX = java.util.regex.Pattern.compile(
            "^(khu kinh te thuong mai dac biet|khu kinh te cua khau quoc te|khu kinh te cua khau|kktck|kkt cua khau|kkt)\\s+");
    /** A note after the zone's own name, cut before folding (folding drops the comma): "Móng Cái (Quảng Ninh)", "Mộc Bài, Tây Ninh". */
    private static final java.util.regex.Pattern ZONE_SUFFIX = java.util.regex.Pattern.compile("\\s*(\\(.*\\)|,.*)$");

    public FactBuilder() {
        JsonNode list = Json.resource("reference/border-law.json").get("keyBorderEconomicZones");
        keyZonesFrom = LocalDate.parse(list.get("from").asText());
        keyZonesUntil = list.path("until").isTextual() ? LocalDate.parse(list.get("until").asText()) : null;
        keyZoneList = vn.phendau.common.Text.of("theo " + list.get("source").asText(), "under " + list.get("sourceEn").asText());
        for (JsonNode z : list.get("zones")) {
            List<String> keys = new ArrayList<>();
            keys.add(zoneKey(z.get("name").asText()));
            z.path("aliases").forEach(a -> keys.add(zoneKey(a.asText())));
            keyZones.add(new KeyZone(z.get("name").asText(), List.copyOf(keys)));
        }
    }

    /** Which list of key zones the rules use, for the texts that name it. */
    public vn.phendau.common.Text keyZoneList() {
        return keyZoneList;
    }

    /**
     * A zone's name folded, without the words every zone's name starts with ("Khu kinh tế cửa khẩu"). "Tỉnh" stays:
     * folded it is also "Tịnh" (Tịnh Biên), so the reference data lists "tỉnh Cao Bằng" and "Cao Bằng" both.
     */
    static String zoneKey(String name) {
        String bare = ZONE_SUFFIX.matcher(name).replaceFirst("");
        return ZONE_PREFIX.matcher(VietnameseText.fold(bare)).replaceFirst("").strip();
    }

    public Project build(ProjectProposal p, LocalDate assessmentDate, Provinces.Match province, ProjectGroups groups,
                         ProjectGroups.Law law) {
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
        long publicCapital = 0;
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
            if (s.type().isState()) {
                stateFunded = true;
                publicCapital += s.amountVnd();
            }
            foreignDirect |= s.type() == FundingType.FOREIGN_DIRECT;
            nationalTargetProgram |= s.type() == FundingType.NATIONAL_TARGET_PROGRAM;
        }
        Integer duration = p.schedule() == null || p.schedule().startYear() == null || p.schedule().endYear() == null
                ? null : p.schedule().endYear() - p.schedule().startYear() + 1;
        // Unstated sources leave the public-investment capital unknown (null), never nil: the project is then
        // grouped as the public-investment project it is proposed as (ProjectGroups.derive).
        Long publicCapitalVnd = sources.isEmpty() ? null : publicCapital;
        ProjectGroups.Derivation derivation = groups.derive(publicCapitalVnd, total, p.sector(),
                groups.regardlessOfSize(p.sector(), ds.involvesStateSecrets()), law);
        // The law's group, never the declared one: a declared group that differs is a finding (DISC-1), not a choice.
        ProjectGroup group = derivation.group();
        KeyZone keyZone = keyZone(loc.borderEconomicZone(), assessmentDate);
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
                keyZone != null, keyZone == null ? null : keyZone.name(),
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
                duration, group, group, inv.projectGroup(), law.maxYears(group),
                derivation.basis() == ProjectGroups.Basis.NO_PUBLIC_CAPITAL ? Boolean.FALSE : publicCapitalVnd == null ? null : Boolean.TRUE,
                publicCapitalVnd, derivation.basis());
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
     * The key zone a proposal names, if the list is in force on the day. Folding the name was a third of building
     * the fact, and a service sees the same few zone names over and over: each is matched once (the schema allows
     * 200 characters).
     */
    private final TextMemo<Optional<KeyZone>> keyZoneNames = new TextMemo<>(name -> {
        String key = zoneKey(name);
        return keyZones.stream().filter(z -> z.keys().contains(key)).findFirst();
    }, 4096, 200);

    private KeyZone keyZone(String name, LocalDate day) {
        if (name == null || day.isBefore(keyZonesFrom) || (keyZonesUntil != null && day.isAfter(keyZonesUntil))) {
            return null;
        }
        return keyZoneNames.get(name).orElse(null);
    }
}
