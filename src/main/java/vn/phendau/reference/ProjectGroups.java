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
 */
@ApplicationScoped
public class ProjectGroups {

    /** One law's thresholds (in billion VND) and time limits. */
    public record Law(String name, LocalDate from, LocalDate until, String articles, String capitalAllocationArticle,
                      JsonNode groupAFrom, JsonNode groupBFrom, long nationalImportantFrom, JsonNode maxYears) {

        public boolean inForceOn(LocalDate day) {
            return !day.isBefore(from) && (until == null || !day.isAfter(until));
        }

        /** Years capital may be allocated to a project of the group; null when the law sets none (national important). */
        public Integer maxYears(ProjectGroup group) {
            JsonNode n = maxYears.get(group.name());
            return n == null ? null : n.asInt();
        }

        public long groupCCeilingVnd(String fieldClass) {
            return groupBFrom.get(fieldClass).asLong() * BILLION;
        }
    }

    public static final long BILLION = 1_000_000_000L;

    private final List<Law> laws = new ArrayList<>();
    private final JsonNode fieldClasses;

    public ProjectGroups() {
        JsonNode data = Json.resource("reference/public-investment-groups.json");
        fieldClasses = data.get("sectorToFieldClass");
        for (JsonNode l : data.get("laws")) {
            laws.add(new Law(l.get("law").asText(), LocalDate.parse(l.get("effectiveFrom").asText()),
                    l.get("effectiveUntil").isNull() ? null : LocalDate.parse(l.get("effectiveUntil").asText()),
                    l.get("articles").asText(), l.get("capitalAllocationArticle").asText(),
                    l.get("groupAFrom"), l.get("groupBFrom"), l.get("nationalImportantFrom").asLong(),
                    l.get("maxCapitalAllocationYears")));
        }
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

    /** The group a total investment falls in for the sector's field class (thresholds are "from … upward"). */
    public ProjectGroup derive(long totalVnd, Sector sector, Law law) {
        String fieldClass = fieldClass(sector);
        if (totalVnd >= law.nationalImportantFrom() * BILLION) {
            return ProjectGroup.NATIONAL_IMPORTANT;
        }
        if (totalVnd >= law.groupAFrom().get(fieldClass).asLong() * BILLION) {
            return ProjectGroup.A;
        }
        if (totalVnd >= law.groupBFrom().get(fieldClass).asLong() * BILLION) {
            return ProjectGroup.B;
        }
        return ProjectGroup.C;
    }
}
