package vn.phendau.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.phendau.Engine;
import vn.phendau.proposal.ProjectGroup;
import vn.phendau.proposal.Sector;

/**
 * Both sides of each threshold, and of the day Law 58/2024 replaced Law 39/2019. National importance is read from
 * the public-investment capital, the groups from the total investment (CRITERIA.md v2).
 */
class ProjectGroupsTest {

    @ParameterizedTest(name = "{0}: {1} billion ({2} billion public) in {3} is {4} under {5}")
    @CsvSource({
            "2024-12-31, 79, 79, TRANSPORT, C, 39/2019",
            "2024-12-31, 80, 80, TRANSPORT, B, 39/2019",
            "2025-01-01, 80, 80, TRANSPORT, C, 58/2024",
            "2025-01-01, 159, 159, TRANSPORT, C, 58/2024",
            "2025-01-01, 160, 160, TRANSPORT, B, 58/2024",
            "2025-01-01, 2999, 2999, TRANSPORT, B, 58/2024",
            "2025-01-01, 3000, 3000, TRANSPORT, A, 58/2024",
            "2024-06-01, 1500, 1500, TRANSPORT, A, 39/2019",
            "2026-03-01, 90, 90, HEALTH, B, 58/2024",
            "2026-03-01, 89, 89, HEALTH, C, 58/2024",
            "2026-03-01, 240, 240, ENERGY, B, 58/2024",
            "2026-03-01, 30000, 30000, ENERGY, NATIONAL_IMPORTANT, 58/2024",
            "2026-03-01, 30000, 29999, ENERGY, A, 58/2024",
            "2026-03-01, 12000, 5000, TRANSPORT, A, 58/2024",
            "2024-03-01, 12000, 5000, TRANSPORT, A, 39/2019",
            "2024-03-01, 10000, 10000, ENERGY, NATIONAL_IMPORTANT, 39/2019",
            "2026-03-01, 150, 150, INDUSTRY, B, 58/2024",
            "2026-03-01, 119, 119, INDUSTRY, C, 58/2024",
            "2026-03-01, 100, 100, TRADE_LOGISTICS, B, 58/2024",
            "2026-03-01, 89, 89, TRADE_LOGISTICS, C, 58/2024"})
    void groupFollowsTheLawInForce(LocalDate day, long billions, long publicBillions, Sector sector, ProjectGroup group, String law) {
        var inForce = Engine.GROUPS.lawOn(day).orElseThrow();
        assertEquals(true, inForce.name().contains(law), inForce.name());
        assertEquals(group, Engine.GROUPS.derive(publicBillions * ProjectGroups.BILLION, billions * ProjectGroups.BILLION,
                sector, false, inForce).group());
    }

    @Test
    void aProjectWithoutPublicInvestmentCapitalHasNoGroup() {
        var law = Engine.GROUPS.lawOn(LocalDate.parse("2026-03-01")).orElseThrow();
        var d = Engine.GROUPS.derive(0L, 50_000 * ProjectGroups.BILLION, Sector.ENERGY, false, law);
        assertNull(d.group());
        assertEquals(ProjectGroups.Basis.NO_PUBLIC_CAPITAL, d.basis());
    }

    @Test
    void unstatedSourcesGroupByTheTotalAndLeaveNationalImportanceUndecided() {
        var law = Engine.GROUPS.lawOn(LocalDate.parse("2026-03-01")).orElseThrow();
        assertEquals(ProjectGroup.A, Engine.GROUPS.derive(null, 40_000 * ProjectGroups.BILLION, Sector.ENERGY, false, law).group());
    }

    @Test
    void aConfidentialDefenceProjectIsGroupAWhateverItsSize() {
        assertTrue(Engine.GROUPS.regardlessOfSize(Sector.BORDER_DEFENSE, true));
        assertFalse(Engine.GROUPS.regardlessOfSize(Sector.BORDER_DEFENSE, false));
        assertFalse(Engine.GROUPS.regardlessOfSize(Sector.BORDER_DEFENSE, null));
        assertFalse(Engine.GROUPS.regardlessOfSize(Sector.TRANSPORT, true));
        var law = Engine.GROUPS.lawOn(LocalDate.parse("2026-03-01")).orElseThrow();
        assertEquals(ProjectGroup.A, Engine.GROUPS.derive(10 * ProjectGroups.BILLION, 10 * ProjectGroups.BILLION,
                Sector.BORDER_DEFENSE, true, law).group());
    }

    @Test
    void theAnswerSaysWhichGroupTheLawGivesAndWhy() throws java.io.IOException {
        var ppp = Engine.SERVICE.assess(Engine.READER.read(java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of("samples/25-cao-bang-cao-toc-dong-dang-tra-linh-ppp.json")))).projectGroup();
        assertEquals("A", ppp.group());
        assertEquals(Boolean.TRUE, ppp.publicInvestment());
        assertEquals(5_000 * ProjectGroups.BILLION, ppp.publicCapitalVnd());
        assertEquals(6, ppp.maxCapitalAllocationYears());
        assertTrue(ppp.note().vi().contains("dưới mức 30.000 tỷ đồng của dự án quan trọng quốc gia"), ppp.note().vi());
        var privateMarket = Engine.SERVICE.assess(Engine.READER.read(java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of("samples/27-lai-chau-cho-bien-gioi-ma-lu-thang-von-tu-nhan.json")))).projectGroup();
        assertNull(privateMarket.group());
        assertNull(privateMarket.maxCapitalAllocationYears());
        assertEquals("B", privateMarket.declared());
        assertEquals(Boolean.FALSE, privateMarket.publicInvestment());
        assertTrue(privateMarket.note().en().contains("not a public-investment project"), privateMarket.note().en());
    }
}
