package vn.phendau.legal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.phendau.Engine;
import vn.phendau.common.Json;
import vn.phendau.proposal.Sector;

/**
 * The law as data: an officer can look up every article laws.json names, every version says where it was confirmed
 * (or that it was not), and the dated versions change on the days the published texts give.
 */
class LawsDataTest {

    @Test
    void everyArticleIsOneAnOfficerCanLookUpAndEveryVersionSaysWhereItWasChecked() {
        JsonNode provisions = Json.resource("legal/laws.json").get("provisions");
        provisions.fields().forEachRemaining(p -> p.getValue().forEach(v -> {
            String where = p.getKey() + " from " + v.get("from").asText();
            assertTrue(v.path("verified").isTextual() && !v.get("verified").asText().isBlank(), where + " has no 'verified'");
            JsonNode article = v.get("article");
            assertTrue(article.isNull() || article.asText().matches("^(Điều \\d+|Phụ lục).*"),
                    where + " names a description, not an article: " + article);
        }));
    }

    @Test
    void decree299AmendsTheBorderBeltConsultationOfDecree34WithoutReplacingIt() {
        Citation before = Engine.LEGAL.citeProvision("border-belt-works", LocalDate.parse("2025-11-16"));
        Citation after = Engine.LEGAL.citeProvision("border-belt-works", LocalDate.parse("2025-11-17"));
        assertEquals("Nghị định 34/2014/NĐ-CP", before.document());
        assertEquals("Điều 8 khoản 2", before.article());
        assertTrue(before.text().contains("30 ngày"), before.text());
        assertTrue(after.document().startsWith("Nghị định 34/2014/NĐ-CP, được sửa đổi, bổ sung bởi Nghị định 299/2025/NĐ-CP"), after.document());
        assertTrue(after.article().startsWith("Điều 8 khoản 2"), after.article());
        assertTrue(after.text().contains("20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ"), after.text());
        assertTrue(after.text().contains("Bộ Quốc phòng, Bộ Công an, Bộ Ngoại giao"), after.text());
    }

    @Test
    void decision259IsDatedTheTwentyFifthOfFebruary2021AndNoArticleIsGuessed() {
        Citation c = Engine.LEGAL.citeProvision("border-trade-logistics", LocalDate.parse("2026-01-01"));
        assertTrue(c.document().contains("25/02/2021"), c.document());
        assertNull(c.article());
    }

    @Test
    void theUrbanAndRuralPlanningLawNamesThePlansFromTheFirstOfJuly2025() {
        assertEquals("quy hoạch chung xây dựng",
                Engine.LEGAL.provisionOn("urban-rural-planning", LocalDate.parse("2025-06-30")).at("/planName/vi").asText());
        assertTrue(Engine.LEGAL.provisionOn("urban-rural-planning", LocalDate.parse("2025-07-01")).at("/planName/vi").asText()
                .contains("47/2024/QH15"));
    }

    @Test
    void everySectorsFieldClassSaysWhichClauseItRestsOn() {
        JsonNode data = Json.resource("reference/public-investment-groups.json");
        for (Sector s : Sector.values()) {
            assertTrue(data.at("/sectorBasis/" + s.name()).isTextual(), s + " has no basis");
        }
        assertEquals("III", Engine.GROUPS.fieldClass(Sector.INDUSTRY), "generic industry is not class I");
        assertEquals("IV", Engine.GROUPS.fieldClass(Sector.TRADE_LOGISTICS), "warehouses are not class II");
        data.get("laws").forEach(l -> assertTrue(l.path("investmentPolicyAuthority").isNull()
                && l.path("investmentPolicyAuthorityOmitted").isTextual(), "an authority left out says why"));
    }
}
