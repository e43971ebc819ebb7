package vn.phendau.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese names arrive in every form a form can produce: composed or decomposed Unicode, with or
 * without diacritics, any case, stray zero-width characters. Matching folds all of them to one key.
 */
public final class VietnameseText {

    private static final Pattern COMBINING = Pattern.compile("\\p{M}+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200F\\u2060\\uFEFF\\u00AD]");
    /** Any space (a no-break space pasted from a web page or Word too), dash, dot, comma or apostrophe. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Z}\\-–—_.,']+");

    private VietnameseText() {
    }

    /** The length of a UTF-8 byte-order mark at from (3), or 0: tolerated before a body or a list, and skipped. */
    public static int bomLength(byte[] bytes, int from, int to) {
        return to - from >= 3 && (bytes[from] & 0xff) == 0xEF && (bytes[from + 1] & 0xff) == 0xBB
                && (bytes[from + 2] & 0xff) == 0xBF ? 3 : 0;
    }

    /**
     * A UTF-8 decoder that reports a bad byte instead of replacing it: text that is not UTF-8 is refused with its
     * place, never read as something the officer did not write.
     */
    public static java.nio.charset.CharsetDecoder strictUtf8() {
        return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    }

    /** NFC with invisible characters removed: the form the service stores, compares and shows. */
    public static String nfc(String s) {
        if (s == null || alreadyPlain(s)) {
            return s;
        }
        String composed = Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
        return INVISIBLE.matcher(composed).replaceAll("");
    }

    /**
     * Whether the text is already in NFC with nothing invisible, known from its characters alone: every one below
     * U+0300 (Latin, Vietnamese's ơ ư đ among them) but the soft hyphen, or one of Vietnamese's composed letters
     * (U+1EA0–U+1EF9). None of these combines with another in NFC (VietnameseTextTest checks every pair), so such a
     * text, which is nearly every text a proposal has, needs neither the normaliser nor the pattern.
     */
    static boolean alreadyPlain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x300 ? c == 0xAD : c < 0x1EA0 || c > 0x1EF9) {
                return false;
            }
        }
        return true;
    }

    /** Lower case, no diacritics, đ as d, separators folded to one space: the key names are matched by. */
    public static String fold(String s) {
        if (s == null) {
            return "";
        }
        String ascii = foldAscii(s);
        return ascii != null ? ascii : foldAny(s);
    }

    /** {@link #fold} of any text, by the normaliser and the patterns. */
    static String foldAny(String s) {
        String decomposed = Normalizer.normalize(nfc(s), Normalizer.Form.NFD);
        String bare = COMBINING.matcher(decomposed).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D')
                .toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(bare).replaceAll(" ").strip();
    }

    /**
     * {@link #fold} of a text of ASCII characters only, without the normaliser and the patterns (no ASCII character
     * combines or has a diacritic; its lower case is ASCII); null for any other text. A list's cells are mostly codes
     * and numbers, folded to be matched against labels, and the patterns were a third of reading a list.
     */
    static String foldAscii(String s) {
        StringBuilder out = null;
        boolean inSeparator = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            boolean separator = c == ' ' || (c >= '\t' && c <= '\r') || c == '-' || c == '_' || c == '.' || c == ',' || c == '\'';
            char folded = separator ? ' ' : c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (out == null && (folded != c || separator && inSeparator)) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null && !(separator && inSeparator)) {
                out.append(folded);
            }
            inSeparator = separator;
        }
        return (out == null ? s : out.toString()).strip();
    }

    /** Levenshtein distance, for "did you mean" suggestions. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
