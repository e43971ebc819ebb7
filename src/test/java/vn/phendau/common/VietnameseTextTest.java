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
}
