package vn.phendau.batch;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.phendau.common.Text;
import vn.phendau.common.VietnameseText;
import vn.phendau.labels.Labels;

/**
 * The words a person types in a list's cell in place of a code, read back to the code: a value's label in either
 * language, with or without diacritics, in any case ("Giao thông", "giao thong", "Transport" are TRANSPORT), and
 * yes, no or unknown. The labels are the schema's own (through {@link Labels}), so the template that offers them
 * and the reader that takes them back cannot drift apart.
 */
public final class ColumnWords {

    public static final Text YES = Text.of("Có", "Yes");
    public static final Text NO = Text.of("Không", "No");
    /** A yes/no cell that says it is not known: the field stays absent, as an empty cell leaves it. */
    public static final Text UNKNOWN = Text.of("Chưa rõ", "Unknown");

    /**
     * A list's cell that says the list is known to be empty ("no features", "no funding sources yet"): an empty list,
     * not an absent field. An empty cell stays unknown; missing information is not the same as none.
     */
    public static final Text NONE = Text.of("Không có", "None");

    private static final Set<String> UNKNOWN_WORDS = Set.of("chua ro", "khong ro", "chua biet", "unknown", "not known");
    private static final Set<String> NONE_WORDS = Set.of("khong co", "none", "[]");

    /** Per path, each folded way of writing a code to the code; built once per path. */
    private static final Map<String, Map<String, String>> CODES = new ConcurrentHashMap<>();

    private ColumnWords() {
    }

    /** The code a cell names in the field's list of codes (its items', for a list), if it names one. */
    public static Optional<String> code(String path, String raw) {
        Map<String, String> codes = CODES.computeIfAbsent(path, ColumnWords::codesOf);
        if (codes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(codes.get(VietnameseText.fold(raw)));
    }

    private static Map<String, String> codesOf(String path) {
        Map<String, String> out = new HashMap<>();
        Labels.shipped().values(path).forEach((code, label) -> {
            for (String form : new String[] {code, label.vi(), label.en(), both(label)}) {
                out.putIfAbsent(VietnameseText.fold(form), code);
            }
        });
        return Map.copyOf(out);
    }

    /** The way a template shows a label in both languages. */
    public static String both(Text label) {
        return label.vi().equals(label.en()) ? label.vi() : label.vi() + " / " + label.en();
    }

    /** Whether a list's cell says the list is empty ("Không có", "None", "[]"). */
    public static boolean isNone(String raw) {
        return mayBeWord(raw) && (NONE_WORDS.contains(VietnameseText.fold(raw)) || both(NONE).equalsIgnoreCase(raw.strip()));
    }

    public static boolean isUnknown(String raw) {
        return mayBeWord(raw) && (UNKNOWN_WORDS.contains(VietnameseText.fold(raw)) || both(UNKNOWN).equalsIgnoreCase(raw.strip()));
    }

    /**
     * False of a cell with a colon or a semicolon, which folding keeps and no word above has: a list of communes or
     * sources ("Lộc Việt:true;Cam Yên:false"), not worth folding (the normaliser and two patterns) to learn so.
     */
    private static boolean mayBeWord(String raw) {
        return raw.indexOf(':') < 0 && raw.indexOf(';') < 0;
    }

    /** Whether a cell holds the column's label: "vi / en", on one line or two, or either language alone. */
    static boolean isLabel(String path, String raw) {
        Text label = Labels.shipped().field(path);
        String cell = VietnameseText.fold(raw);
        return cell.equals(VietnameseText.fold(label.vi())) || cell.equals(VietnameseText.fold(label.en()))
                || cell.equals(VietnameseText.fold(both(label)));
    }
}
