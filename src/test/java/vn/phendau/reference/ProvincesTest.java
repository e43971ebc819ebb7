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
    void provincesWithoutALandBorderResolveButAreNotBorderProvinces() {
        assertFalse(Engine.PROVINCES.resolve("Hà Nội").orElseThrow().province().landBorder());
        assertTrue(Engine.PROVINCES.resolve("An Giang").orElseThrow().province().landBorder());
        assertEquals(22, Engine.PROVINCES.units().stream().filter(Provinces.Province::landBorder).count());
    }

    @Test
    void anUnknownNameGetsTheNearestSuggestions() {
        assertTrue(Engine.PROVINCES.resolve("Lang Sn").isEmpty());
        assertEquals("Lạng Sơn", Engine.PROVINCES.suggest("Lang Sn", 3).get(0));
        // A shared first word weighs more than a shared last one: Lạng Giang is nearer Lạng Sơn than An Giang.
        assertEquals("Lạng Sơn", Engine.PROVINCES.suggest("Lạng Giang", 3).get(0));
        assertEquals("Hà Giang", Engine.PROVINCES.suggest("Ha Giag", 3).get(0));
        assertEquals("Bắc Giang", Engine.PROVINCES.suggest("Bắc Gian", 3).get(0));
    }
}
