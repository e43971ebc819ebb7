package vn.phendau.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import vn.phendau.Engine;

class ProvincesTest {

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({
            "Lạng Sơn, Lạng Sơn", "lang son, Lạng Sơn", "LẠNG SƠN, Lạng Sơn", "Tỉnh Lạng Sơn, Lạng Sơn",
            "tinh lang son, Lạng Sơn", "20, Lạng Sơn", "Hà Giang, Tuyên Quang", "Ha Giang, Tuyên Quang",
            "Kon Tum, Quảng Ngãi", "Thừa Thiên Huế, Huế", "Thành phố Huế, Huế", "Dak Nong, Lâm Đồng",
            "Đắk Nông, Lâm Đồng", "Kiên Giang, An Giang", "TP HCM, Hồ Chí Minh", "Bắc Giang, Bắc Ninh"})
    void resolvesAnyFormAnOfficeWrites(String input, String unit) {
        assertEquals(unit, Engine.PROVINCES.resolve(input).orElseThrow().province().name());
    }

    @Test
    void decomposedUnicodeAndZeroWidthCharactersMatchToo() {
        String nfd = Normalizer.normalize("Điện Biên", Normalizer.Form.NFD);
        assertEquals("Điện Biên", Engine.PROVINCES.resolve(nfd).orElseThrow().province().name());
        assertEquals("Cao Bằng", Engine.PROVINCES.resolve("Cao\u200B Bằng").orElseThrow().province().name());
    }

    @Test
    void aFormerNameIsReportedWithWhetherItHadABorder() {
        var haGiang = Engine.PROVINCES.resolve("Hà Giang").orElseThrow();
        assertEquals("Hà Giang", haGiang.formerly());
        assertTrue(haGiang.formerHadLandBorder());
        var yenBai = Engine.PROVINCES.resolve("Yên Bái").orElseThrow();
        assertEquals("Lào Cai", yenBai.province().name());
        assertFalse(yenBai.formerHadLandBorder(), "Yên Bái had no land border before the merger");
        assertNull(Engine.PROVINCES.resolve("Lào Cai").orElseThrow().formerly());
    }

    @Test
    void aNameMeansTheProvinceOfTheMapInForceOnTheDay() {
        var before = Engine.PROVINCES.resolveOn("Đồng Nai", java.time.LocalDate.parse("2024-06-01")).orElseThrow();
        assertFalse(before.landBorder(), "the old Đồng Nai had no land border");
        assertEquals("Đồng Nai", before.formerly());
        assertTrue(before.neighbours().isEmpty());
        var after = Engine.PROVINCES.resolveOn("Đồng Nai", java.time.LocalDate.parse("2025-07-01")).orElseThrow();
        assertTrue(after.landBorder(), "today's Đồng Nai includes former Bình Phước, on the Cambodian border");
        assertNull(after.formerly());
        assertEquals(java.util.List.of("KH"), after.neighbours());
        assertTrue(Engine.PROVINCES.resolveOn("Bình Phước", java.time.LocalDate.parse("2024-06-01")).orElseThrow().landBorder());
        assertTrue(Engine.PROVINCES.resolveOn("Huế", java.time.LocalDate.parse("2025-03-01")).orElseThrow().landBorder(),
                "Huế was Thừa Thiên Huế, a border province, before the reorganisation");
        var langSon = Engine.PROVINCES.resolveOn("Lạng Sơn", java.time.LocalDate.parse("2024-06-01")).orElseThrow();
        assertTrue(langSon.landBorder());
        assertNull(langSon.formerly(), "an unchanged province is not called formerly anything");
    }

    @Test
    void theMapsCount25And22LandBorderProvinces() {
        var before = java.time.LocalDate.parse("2025-06-30");
        var after = java.time.LocalDate.parse("2025-07-01");
        long old = Engine.PROVINCES.codes().values().stream().filter(n -> Engine.PROVINCES.resolveOn(n, before).orElseThrow().landBorder()).count();
        assertEquals(25, old);
        assertEquals(22, Engine.PROVINCES.units().stream().filter(u -> Engine.PROVINCES.resolveOn(u.name(), after).orElseThrow().landBorder()).count());
    }

    @Test
    void provincesWithoutALandBorderResolveButAreNotBorderProvinces() {
        assertFalse(Engine.PROVINCES.resolve("Hà Nội").orElseThrow().province().landBorder());
        assertTrue(Engine.PROVINCES.resolve("An Giang").orElseThrow().province().landBorder());
        assertEquals(22, Engine.PROVINCES.units().stream().filter(Provinces.Province::landBorder).count());
    }

    @Test
    void anUnknownNameGetsTheNearestSuggestions() {
        assertTrue(Engine.PROVINCES.resolve("Lang Sn").isEmpty());
        assertEquals("Lạng Sơn", Engine.PROVINCES.suggest("Lang Sn", 3).get(0));
        // A shared first word weighs more than a shared last one: Lai Giang is nearer Lai Châu than An Giang.
        assertEquals("Lai Châu", Engine.PROVINCES.suggest("Lai Giang", 3).get(0));
        assertEquals("Hà Giang", Engine.PROVINCES.suggest("Ha Giag", 3).get(0));
        assertEquals("Bắc Giang", Engine.PROVINCES.suggest("Bắc Gian", 3).get(0));
    }

    @Test
    void aFormerDistrictIsRefusedWithItsProvinceSuggestedFirst() {
        assertTrue(Engine.PROVINCES.resolve("Lạng Giang").isEmpty(), "a district is never a province");
        // Its province on the old map, then that province's unit today, then the nearest names.
        assertEquals(java.util.List.of("Bắc Giang", "Bắc Ninh", "Lạng Sơn"), Engine.PROVINCES.suggest("Lạng Giang", 3));
        assertEquals(java.util.List.of("Bắc Giang", "Bắc Ninh"), Engine.PROVINCES.suggest("huyện lang giang", 2));
        // An unchanged province is named once; without the data the first word would send Bắc Sơn to Bắc Giang.
        assertEquals("Lạng Sơn", Engine.PROVINCES.suggest("Bắc Sơn", 3).get(0));
        assertEquals(1, Engine.PROVINCES.suggest("Bắc Sơn", 3).stream().filter("Lạng Sơn"::equals).count());
        assertEquals("Tuyên Quang", Engine.PROVINCES.suggest("Hàm Yên", 3).get(0));
        assertTrue(Engine.PROVINCES.resolve("Hàm Yên").isEmpty());
    }

    @Test
    void theProblemForADistrictNamesItsProvinceFirst() throws Exception {
        var proposal = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("samples/01-lang-son-duong-cua-khau-tan-thanh.json")));
        ((com.fasterxml.jackson.databind.node.ObjectNode) proposal.get("location")).put("province", "Lạng Giang");
        var problem = Engine.READER.check(proposal, "").stream()
                .filter(p -> p.path().equals("location.province")).findFirst().orElseThrow();
        assertEquals("unknown province 'Lạng Giang'; did you mean: Bắc Giang, Bắc Ninh, Lạng Sơn?", problem.message().en());
        assertTrue(problem.message().vi().endsWith("có phải ý bạn là: Bắc Giang, Bắc Ninh, Lạng Sơn?"), problem.message().vi());
    }
}
