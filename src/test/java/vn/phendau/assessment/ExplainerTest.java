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

    @Test
    void numbersSharesAndYears() {
        assertEquals("14.200", explainer.format(14200, null, true));
        assertEquals("14,200", explainer.format(14200, null, false));
        assertEquals("63,2%", explainer.format(0.632, "pct", true));
        assertEquals("2026", explainer.format(2026, "raw", true));
    }
}
