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

    /**
     * Numbers are written by hand, not by DecimalFormat: over many values, of every size, sign and rounding edge
     * (x.xx5, x.995), in both languages and at 0, 1 and 2 decimals, they must read as DecimalFormat writes them.
     */
    @Test
    void numbersReadAsDecimalFormatWritesThem() {
        java.util.Random random = new java.util.Random(16);
        List<Double> values = new java.util.ArrayList<>(List.of(0.0, -0.0, 0.5, -0.5, 0.005, -0.005, 0.004, -0.004, 0.995,
                9.995, 999.995, 1234.5, 0.05, 0.1, 1.015, 2.675, 1e15 + 0.5, 123456789012345.67, 1e17 + 0.25, 9.2e18, 3e20,
                Double.MIN_VALUE, 0.125, 0.375, 12.3456789, 632.0 / 1000 * 100));
        for (int i = 0; i < 200_000; i++) {
            double magnitude = Math.pow(10, random.nextInt(21) - 4);
            double x = switch (i % 4) {
                case 0 -> random.nextDouble() * magnitude;
                // Rounding edges: a whole number of thousandths ending in 5, and a whole number of hundredths.
                case 1 -> (Math.floor(random.nextDouble() * magnitude * 100) * 10 + 5) / 1000;
                case 2 -> Math.floor(random.nextDouble() * magnitude * 100) / 100;
                default -> random.nextGaussian() * magnitude;
            };
            values.add(random.nextBoolean() ? x : -x);
        }
        java.text.DecimalFormatSymbols vi = java.text.DecimalFormatSymbols.getInstance(java.util.Locale.forLanguageTag("vi-VN"));
        java.text.DecimalFormatSymbols en = java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ENGLISH);
        for (int decimals = 0; decimals <= 2; decimals++) {
            String pattern = decimals == 0 ? "#,##0" : "#,##0." + "#".repeat(decimals);
            java.text.DecimalFormat viFormat = new java.text.DecimalFormat(pattern, vi);
            java.text.DecimalFormat enFormat = new java.text.DecimalFormat(pattern, en);
            for (double x : values) {
                java.math.BigDecimal rounded = java.math.BigDecimal.valueOf(x).setScale(decimals, java.math.RoundingMode.HALF_UP);
                assertEquals(viFormat.format(rounded), Explainer.number(x, decimals, true), x + " at " + decimals + " decimals, vi");
                assertEquals(enFormat.format(rounded), Explainer.number(x, decimals, false), x + " at " + decimals + " decimals, en");
            }
        }
        assertEquals("1.250,5", Explainer.number(1250.5, 2, true));
        assertEquals("-0,05", Explainer.number(-0.05, 2, true));
        assertEquals("1,000", Explainer.number(999.995, 2, false));
    }

    /**
     * By reference a rendered text is sent as its template's words and values (FormJson): filled, they give the text
     * back exactly, whichever optional parts were said and even when a value holds the literal that follows it.
     */
    @Test
    void aRenderedTextIsItsWordsFilledWithItsValues() {
        vn.phendau.common.Text template = vn.phendau.common.Text.of(
                "Dự án ở xã {communes}, thuộc {province}[[ (hạng mục {features})]][[{reserve|if}, chạm khu bảo tồn]]; theo {law}.",
                "The project in {communes}, {province}[[ (features: {features})]][[{reserve|if}, touching a reserve]]; under {law}.");
        Explainer.Template compiled = explainer.compile(template);
        java.util.function.Predicate<String> constant = "law"::equals;
        List<java.util.Map<String, Object>> projects = List.of(
                java.util.Map.of("communes", List.of("Lộc Việt", "Cam Yên"), "province", "Lạng Sơn", "features", List.of("BORDER_MARKET"),
                        "reserve", true, "law", "Luật Đầu tư công số 58/2024/QH15"),
                java.util.Map.of("communes", List.of("Tân Thanh, thuộc"), "province", "Lạng Sơn", "features", List.of(),
                        "reserve", false, "law", "Luật Đầu tư công số 58/2024/QH15"));
        for (java.util.Map<String, Object> p : projects) {
            vn.phendau.common.Text text = compiled.render(p::get);
            Explainer.Form form = compiled.form(text, constant);
            assertEquals(text.vi(), Explainer.Form.fill(form.words().vi(), form.vi()), text.vi());
            assertEquals(text.en(), Explainer.Form.fill(form.words().en(), form.en()), text.en());
            org.junit.jupiter.api.Assertions.assertTrue(form.words().vi().contains("Luật Đầu tư công số 58/2024/QH15"),
                    "a constant is said in the words: " + form.words().vi());
            org.junit.jupiter.api.Assertions.assertFalse(form.vi().contains("Luật Đầu tư công số 58/2024/QH15"), form.vi().toString());
        }
        // A text the template did not make has no form.
        org.junit.jupiter.api.Assertions.assertNull(compiled.form(vn.phendau.common.Text.of("Khác hẳn.", "Quite other."), constant));
        org.junit.jupiter.api.Assertions.assertNull(explainer.compile(vn.phendau.common.Text.of("Không có chỗ trống.", "No slot.")).form(
                vn.phendau.common.Text.of("Không có chỗ trống.", "No slot."), constant), "a text without values is a text");
    }
}
