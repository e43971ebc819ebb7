package vn.phendau.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.phendau.Engine;
import vn.phendau.proposal.ProjectGroup;
import vn.phendau.proposal.Sector;

/** Both sides of each threshold, and of the day Law 58/2024 replaced Law 39/2019. */
class ProjectGroupsTest {

    @ParameterizedTest(name = "{0}: {1} billion in {2} is group {3} under {4}")
    @CsvSource({
            "2024-12-31, 79, TRANSPORT, C, 39/2019",
            "2024-12-31, 80, TRANSPORT, B, 39/2019",
            "2025-01-01, 80, TRANSPORT, C, 58/2024",
            "2025-01-01, 159, TRANSPORT, C, 58/2024",
            "2025-01-01, 160, TRANSPORT, B, 58/2024",
            "2025-01-01, 2999, TRANSPORT, B, 58/2024",
            "2025-01-01, 3000, TRANSPORT, A, 58/2024",
            "2024-06-01, 1500, TRANSPORT, A, 39/2019",
            "2026-03-01, 90, HEALTH, B, 58/2024",
            "2026-03-01, 89, HEALTH, C, 58/2024",
            "2026-03-01, 240, ENERGY, B, 58/2024",
            "2026-03-01, 30000, ENERGY, NATIONAL_IMPORTANT, 58/2024",
            "2024-03-01, 10000, ENERGY, NATIONAL_IMPORTANT, 39/2019"})
    void groupFollowsTheLawInForce(LocalDate day, long billions, Sector sector, ProjectGroup group, String law) {
        var inForce = Engine.GROUPS.lawOn(day).orElseThrow();
        assertEquals(true, inForce.name().contains(law), inForce.name());
        assertEquals(group, Engine.GROUPS.derive(billions * ProjectGroups.BILLION, sector, inForce));
    }
}
