package vn.phendau.reference;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.phendau.common.Json;
import vn.phendau.proposal.ProjectGroup;
import vn.phendau.proposal.Sector;

/**
 * Public-investment project groups under the Public Investment Law in force on the assessment date
 * (reference/public-investment-groups.json): Law 39/2019 until 2024-12-31, Law 58/2024 from 2025-01-01.
 * National importance is decided by the public-investment capital, groups A, B and C by the total investment,
 * and a project without public-investment capital has no group at all.
 */
@ApplicationScoped
public class ProjectGroups {

    /** One law's thresholds (in billion VND) and time limits. */
    public record Law(String name, LocalDate from, LocalDate until, String articles, String capitalAllocationArticle,
                      JsonNode groupAFrom, JsonNode groupBFrom, long nationalImportantFrom, String nationalImportantArticle,
                      String groupARegardlessOfSizeArticle, JsonNode maxYears) {

        public boolean inForceOn(LocalDate day) {
            return !day.isBefore(from) && (until == null || !day.isAfter(until));
        }

        /** Years capital may be allocated to a project of the group; null when the law sets none, or there is no group. */
        public Integer maxYears(ProjectGroup group) {
            JsonNode n = group == null ? null : maxYears.get(group.name());
            return n == null ? null : n.asInt();
        }

        public long groupCCeilingVnd(String fieldClass) {
            return groupBFrom.get(fieldClass).asLong() * BILLION;
        }

        public long nationalImportantFromVnd() {
            return nationalImportantFrom * BILLION;
        }
    }

    /**
     * Why a project is in its group: national importance by its public-investment capital, a group-A category
     * whatever the size, its total investment, or no group (no public-investment capital).
     */
    public enum Basis { NATIONAL_IMPORTANCE, REGARDLESS_OF_SIZE, TOTAL_INVESTMENT, NO_PUBLIC_CAPITAL }

    /** The group the law gives, null when the project is not a public-investment project, and why. */
    public record Derivation(ProjectGroup group, Basis basis) {
    }

    public static final long BILLION = 1_000_000_000L;

    /** A "group A whatever the size" category a proposal's fields can show (the others have no field to show them). */
    public record Category(String code, Sector sector, Boolean involvesStateSecrets) {
    }

    private final List<Law> laws = new ArrayList<>();
    private final JsonNode fieldClasses;
    private final List<Category> regardlessOfSize = new ArrayList<>();

    public ProjectGroups() {
        JsonNode data = Json.resource("reference/public-investment-groups.json");
        fieldClasses = data.get("sectorToFieldClass");
        for (JsonNode l : data.get("laws")) {
            laws.add(new Law(l.get("law").asText(), LocalDate.parse(l.get("effectiveFrom").asText()),
                    l.get("effectiveUntil").isNull() ? null : LocalDate.parse(l.get("effectiveUntil").asText()),
                    l.get("articles").asText(), l.get("capitalAllocationArticle").asText(),
                    l.get("groupAFrom"), l.get("groupBFrom"), l.get("nationalImportantFrom").asLong(),
                    l.get("nationalImportantArticle").asText(), l.get("groupARegardlessOfSizeArticle").asText(),
                    l.get("maxCapitalAllocationYears")));
        }
        for (JsonNode c : data.at("/groupARegardlessOfSize/categories")) {
            JsonNode by = c.get("detectedBy");
            if (by != null && !by.isNull()) {
                regardlessOfSize.add(new Category(c.get("code").asText(), Sector.valueOf(by.get("sector").asText()),
                        by.has("defenseSecurity.involvesStateSecrets") ? by.get("defenseSecurity.involvesStateSecrets").asBoolean() : null));
            }
        }
    }

    /** Whether the proposal shows one of the law's "group A whatever the size" categories. */
    public boolean regardlessOfSize(Sector sector, Boolean involvesStateSecrets) {
        for (Category c : regardlessOfSize) {
            if (c.sector() == sector && (c.involvesStateSecrets() == null || c.involvesStateSecrets().equals(involvesStateSecrets))) {
                return true;
            }
        }
        return false;
    }

    public Optional<Law> lawOn(LocalDate day) {
        return laws.stream().filter(l -> l.inForceOn(day)).findFirst();
    }

    public LocalDate earliest() {
        return laws.get(0).from();
    }

    public String fieldClass(Sector sector) {
        return fieldClasses.get(sector.name()).asText();
    }

    /** The group a total investment falls in for the sector's field class (thresholds are "from … upward"), national importance aside. */
    public ProjectGroup bySize(long totalVnd, Sector sector, Law law) {
        String fieldClass = fieldClass(sector);
        if (totalVnd >= law.groupAFrom().get(fieldClass).asLong() * BILLION) {
            return ProjectGroup.A;
        }
        if (totalVnd >= law.groupBFrom().get(fieldClass).asLong() * BILLION) {
            return ProjectGroup.B;
        }
        return ProjectGroup.C;
    }

    /**
     * The group under the law. {@code publicCapitalVnd} is null when the sources are not stated: the project is
     * then taken as the public-investment project it is proposed as, grouped by its total, and national importance
     * (which needs the capital) is not decided. A project stated to have no public-investment capital has no group.
     *
     * @param regardlessOfSize the project is in one of the law's "group A whatever the size" categories
     */
    public Derivation derive(Long publicCapitalVnd, long totalVnd, Sector sector, boolean regardlessOfSize, Law law) {
        if (publicCapitalVnd != null && publicCapitalVnd == 0) {
            return new Derivation(null, Basis.NO_PUBLIC_CAPITAL);
        }
        if (publicCapitalVnd != null && publicCapitalVnd >= law.nationalImportantFromVnd()) {
            return new Derivation(ProjectGroup.NATIONAL_IMPORTANT, Basis.NATIONAL_IMPORTANCE);
        }
        if (regardlessOfSize) {
            return new Derivation(ProjectGroup.A, Basis.REGARDLESS_OF_SIZE);
        }
        return new Derivation(bySize(totalVnd, sector, law), Basis.TOTAL_INVESTMENT);
    }
}
