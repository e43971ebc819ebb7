package vn.phendau.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainerTest {

    private final Explainer explainer = new Explainer();

    @Test
    void moneyReadsAsOfficesWriteIt() {
        assertEquals("95 tỷ đồng", explainer.format(95_000_000_000L, "vnd", true));
        assertEquals("VND 95 billion", explainer.format(95_000_000_000L, "vnd", false));
        assertEquals("1.250,5 tỷ đồng", explainer.format(1_250_500_000_000L, "vnd", true));
        assertEquals("VND 1,250.5 billion", explainer.format(1_250_500_000_000L, "vnd", false));
        assertEquals("850 triệu đồng", explainer.format(850_000_000L, "vnd", true));
    }

    @Test
    void codesBecomeWordsInEachLanguage() {
        assertEquals("Bộ Ngoại giao, Bộ Công an", explainer.format(List.of("FOREIGN_AFFAIRS", "PUBLIC_SECURITY"), null, true));
        assertEquals("Ministry of Foreign Affairs", explainer.format("FOREIGN_AFFAIRS", null, false));
        assertEquals("không có", explainer.format(List.of(), null, true));
        assertEquals("chưa có thông tin", explainer.format(null, null, true));
        assertEquals("có", explainer.format(true, null, true));
    }

    /** A part in [[…]] is said only when every value it names is there; {x|if} tests a value and writes nothing. */
    @Test
    void anOptionalPartIsLeftOutWhenItsValueIsEmpty() {
        vn.phendau.common.Text template = vn.phendau.common.Text.of(
                "Dự án {sector}[[ (hạng mục {features})]][[{reserve|if}, chạm khu bảo tồn]].",
                "The {sector} project[[ (features: {features})]][[{reserve|if}, touching a reserve]].");
        java.util.Map<String, Object> full = java.util.Map.of("sector", "TRANSPORT", "features", List.of("BORDER_MARKET"), "reserve", true);
        assertEquals("Dự án giao thông (hạng mục chợ biên giới), chạm khu bảo tồn.", explainer.render(template, full::get).vi());
        assertEquals("The transport project (features: border market), touching a reserve.", explainer.render(template, full::get).en());
        java.util.Map<String, Object> bare = new java.util.HashMap<>(java.util.Map.of("sector", "TRANSPORT", "features", List.of(), "reserve", false));
        assertEquals("Dự án giao thông.", explainer.render(template, bare::get).vi());
        bare.put("features", null);
        bare.put("reserve", 0);
        assertEquals("The transport project.", explainer.render(template, bare::get).en());
    }

    @Test
    void anUnpairedOptionalMarkIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> explainer.compile(vn.phendau.common.Text.of("a [[{b} c", "a {b}]] c")));
    }

    @Test
    void numbersSharesAndYears() {
        assertEquals("14.200", explainer.format(14200, null, true));
        assertEquals("14,200", explainer.format(14200, null, false));
        assertEquals("63,2%", explainer.format(0.632, "pct", true));
        assertEquals("2026", explainer.format(2026, "raw", true));
    }
}
