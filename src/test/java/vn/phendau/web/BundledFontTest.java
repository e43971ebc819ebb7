package vn.phendau.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The monospace font the pages bundle has a glyph of its own for every Vietnamese letter: a font without them (DejaVu
 * Sans Mono, Liberation Mono) makes the browser draw "ề" from "ê" and a loose accent. Its licence ships beside it.
 */
class BundledFontTest {

    static final Path FONTS = Path.of("src/main/resources/META-INF/resources/static/fonts");

    /** Every letter of Vietnamese, lower and upper case: the vowels with their marks, and đ. */
    static List<Integer> vietnameseLetters() {
        List<Integer> letters = new ArrayList<>();
        for (int c = 0x1EA0; c <= 0x1EF9; c++) {
            letters.add(c);     // ạ ả ấ … ỹ: the letters with a tone mark, and with two marks
        }
        for (char c : "ăâđêôơưĂÂĐÊÔƠƯàáãèéìíòóõùúýÀÁÃÈÉÌÍÒÓÕÙÚÝĩũĨŨ".toCharArray()) {
            letters.add((int) c);
        }
        return letters;
    }

    @Test
    void theBundledMonospaceFontDrawsEveryVietnameseLetter() throws IOException, FontFormatException {
        for (String file : List.of("JetBrainsMono-Regular.ttf", "JetBrainsMono-Bold.ttf")) {
            Font font;
            try (InputStream in = Files.newInputStream(FONTS.resolve(file))) {
                font = Font.createFont(Font.TRUETYPE_FONT, in);
            }
            List<String> missing = new ArrayList<>();
            for (int c : vietnameseLetters()) {
                if (!font.canDisplay(c)) {
                    missing.add(new String(Character.toChars(c)));
                }
            }
            assertEquals(List.of(), missing, file);
        }
        assertTrue(Files.readString(FONTS.resolve("LICENSE-JetBrainsMono.txt")).contains("Apache"), "the licence ships with the font");
        assertTrue(Files.exists(FONTS.resolve("LICENSE-Apache-2.0.txt")));
        String css = Files.readString(Path.of("src/main/resources/META-INF/resources/static/pages.css"));
        assertTrue(css.contains("url(\"/static/fonts/JetBrainsMono-Regular.ttf\")"), "the pages load it from the service itself");
        assertTrue(css.contains("--mono: \"Phen Dau Mono\""), "and use it first for monospace text");
    }
}
