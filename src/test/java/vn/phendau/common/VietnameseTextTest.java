package vn.phendau.common;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VietnameseTextTest {

    /** NFC with the invisible characters removed, the long way: what nfc must give for any text. */
    private static String expected(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("[\\u200B-\\u200F\\u2060\\uFEFF\\u00AD]", "");
    }

    private static List<Character> plainCharacters() {
        List<Character> plain = new ArrayList<>();
        for (char c = 0; c < 0xFFFF; c++) {
            if (VietnameseText.alreadyPlain(String.valueOf(c))) {
                plain.add(c);
            }
        }
        return plain;
    }

    @Test
    void theCharactersTakenAsPlainAreLatinAndVietnamesesComposedLetters() {
        List<Character> plain = plainCharacters();
        assertThat(plain.size(), equalTo(0x300 - 1 + (0x1EF9 - 0x1EA0 + 1)));
        assertThat(VietnameseText.alreadyPlain("Đường kết nối cửa khẩu Tân Thanh, 95 tỷ đồng"), equalTo(true));
        for (char invisible : "\u00AD\u200B\u200C\u200D\u200E\u200F\u2060\uFEFF".toCharArray()) {
            assertThat(String.format("U+%04X", (int) invisible), plain.contains(invisible), equalTo(false));
        }
    }

    /** The fast path's claim, for every text of one or two of its characters: such a text is its own NFC. */
    @Test
    void everyPairOfPlainCharactersIsAlreadyComposed() {
        List<Character> plain = plainCharacters();
        StringBuilder pair = new StringBuilder("  ");
        for (char a : plain) {
            pair.setCharAt(0, a);
            for (char b : plain) {
                pair.setCharAt(1, b);
                String s = pair.toString();
                if (!Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
                    throw new AssertionError(String.format("U+%04X U+%04X is not in NFC", (int) a, (int) b));
                }
            }
        }
    }

    @Test
    void textThatIsNotPlainIsComposedAndCleaned() {
        for (String s : List.of("Lạng Sơn", "La\u0323ng So\u031Bn", "Cao\u200B Bằng", "Điện\u00ADBiên", "\uFEFFHà Giang",
                "Ω and \u212B", "Việt Nam", "Kon Tum\u2060", "A\u0300")) {
            assertThat(s, VietnameseText.nfc(s), equalTo(expected(s)));
        }
        assertThat(VietnameseText.nfc("La\u0323ng So\u031Bn"), equalTo("Lạng Sơn"));
    }

    /**
     * The ASCII fast path of fold against the normaliser and the patterns: every text of one and two ASCII characters,
     * and 20,000 seeded texts of up to 12 drawn from the separators, letters, digits and control characters.
     */
    @Test
    void foldingAsciiTextGivesWhatThePatternsGive() {
        List<String> texts = new ArrayList<>(List.of("", "TRANSPORT", "Giao thong", "  a -- b  ", "CENTRAL_BUDGET", "a\u001Fb\u001F",
                "\u001F x", "x.,'_-y", "\t\n\u000B\f\r"));
        for (char a = 0; a < 0x80; a++) {
            texts.add(String.valueOf(a));
            for (char b = 0; b < 0x80; b++) {
                texts.add("" + a + b);
            }
        }
        String alphabet = " \t\n\u000B\f\r\u001C\u001F-_.,'aZz09:;/\\\"";
        java.util.Random random = new java.util.Random(Long.getLong("phendau.seed", 20261206L));
        for (int n = 0; n < 20_000; n++) {
            StringBuilder t = new StringBuilder();
            for (int k = random.nextInt(13); k > 0; k--) {
                t.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(t.toString());
        }
        for (String t : texts) {
            assertThat(t.chars().mapToObj(c -> String.format("U+%04X", c)).toList().toString(),
                    VietnameseText.foldAscii(t), equalTo(VietnameseText.foldAny(t)));
        }
        assertThat(VietnameseText.foldAscii("Giao thông"), equalTo(null));
        assertThat(VietnameseText.fold("Giao thông"), equalTo("giao thong"));
    }
}
